#include "bootloader.h"

#include <errno.h>
#include <simavr/sim_regbit.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int hexval(const char *s, size_t i) {
    int v = 0;
    for (int k = 0; k < 2; k++) {
        char c = s[i + k];
        v <<= 4;
        if (c >= '0' && c <= '9') v |= c - '0';
        else if (c >= 'a' && c <= 'f') v |= c - 'a' + 10;
        else if (c >= 'A' && c <= 'F') v |= c - 'A' + 10;
        else return -1;
    }
    return v;
}

int vb_ihex_read(const char *path, uint8_t *image, size_t cap, uint32_t *lo, uint32_t *hi, char *err, size_t errlen) {
    FILE *f = fopen(path, "r");
    if (!f) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        return -1;
    }
    char line[600];
    unsigned no = 0;
    uint32_t base = 0, low = UINT32_MAX, high = 0, past_lo = UINT32_MAX, past_hi = 0;
    int ended = 0, rc = -1;
    while (!ended && fgets(line, sizeof line, f)) {
        no++;
        size_t len = strcspn(line, "\r\n");
        line[len] = 0;
        if (!len) continue;
        uint8_t rec[260];
        size_t n = 0;
        if (line[0] != ':' || len < 11 || (len - 1) % 2) {
            snprintf(err, errlen, "%s:%u: not an Intel hex record", path, no);
            goto out;
        }
        for (size_t i = 1; i < len; i += 2) {
            int v = hexval(line, i);
            if (v < 0) {
                snprintf(err, errlen, "%s:%u: '%c%c' is not a hex byte", path, no, line[i], line[i + 1]);
                goto out;
            }
            rec[n++] = (uint8_t)v;
        }
        uint8_t sum = 0;
        for (size_t i = 0; i < n; i++) sum = (uint8_t)(sum + rec[i]);
        if (sum != 0 || n != (size_t)rec[0] + 5) {
            snprintf(err, errlen, "%s:%u: %s", path, no, sum ? "bad checksum" : "length does not match the record");
            goto out;
        }
        uint32_t addr = (uint32_t)rec[1] << 8 | rec[2];
        switch (rec[3]) {
        case 0: /* data */
            for (size_t i = 0; i < rec[0]; i++) {
                uint32_t a = base + addr + (uint32_t)i;
                if (a >= cap) {
                    if (a < past_lo) past_lo = a;
                    if (a > past_hi) past_hi = a;
                    continue;
                }
                image[a] = rec[4 + i];
                if (a < low) low = a;
                if (a + 1 > high) high = a + 1;
            }
            break;
        case 1: ended = 1; break;                                                      /* end of file */
        case 2: base = ((uint32_t)rec[4] << 8 | rec[5]) << 4; break;                   /* segment base */
        case 4: base = ((uint32_t)rec[4] << 8 | rec[5]) << 16; break;                  /* linear base */
        case 3: case 5: break;                                                         /* start address: no use here */
        default:
            snprintf(err, errlen, "%s:%u: unknown record type %02x", path, no, rec[3]);
            goto out;
        }
    }
    if (past_lo != UINT32_MAX) {
        snprintf(err, errlen, "%s writes 0x%x-0x%x, past the end of flash (0x0-0x%zx)", path, past_lo, past_hi, cap - 1);
        goto out;
    }
    if (low == UINT32_MAX) {
        snprintf(err, errlen, "%s holds no data", path);
        goto out;
    }
    *lo = low;
    *hi = high;
    rc = 0;
out:
    fclose(f);
    return rc;
}

int vb_boot_load(vb_boot *b, vb_core *core, const char *hex_path, char *err, size_t errlen) {
    avr_t *avr = core->avr;
    size_t size = (size_t)avr->flashend + 1;
    /* Read into a copy first: a bad file must leave the application's flash as it was. */
    uint8_t *image = malloc(size);
    if (!image) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    memcpy(image, avr->flash, size);
    uint32_t lo, hi;
    if (vb_ihex_read(hex_path, image, size, &lo, &hi, err, errlen)) {
        free(image);
        return -1;
    }
    /* The ELF's flash image: code, then the initial values of .data. */
    uint32_t app_end = core->fw.flashbase + core->fw.flashsize;
    if (lo < app_end) {
        snprintf(err, errlen, "bootloader %s starts at 0x%x, inside the firmware (0x0-0x%x)", hex_path, lo, app_end - 1);
        free(image);
        return -1;
    }
    memcpy(avr->flash, image, size);
    free(image);
    b->loaded = 1;
    b->start = lo;
    b->end = hi;
    b->resets_seen = core->resets;
    b->watchdog_resets_seen = core->watchdog_resets;
    /* BOOTRST: every reset starts the bootloader. The power-on reset already happened (pc 0,
     * MCUSR = PORF), so the first start moves too; Optiboot sees no EXTRF and runs the firmware. */
    avr->reset_pc = lo;
    avr->pc = lo;
    avr->codeend = avr->flashend; /* simavr's trace builds call a jump past the ELF's code a crash */
    return 0;
}

void vb_boot_after_reset(vb_boot *b, vb_core *core) {
    /* Also called when the I/O tick is first armed: power-on is no reset pin (MCUSR = PORF). */
    if (!b->loaded || core->resets == b->resets_seen) return;
    if (core->watchdog_resets == b->watchdog_resets_seen) avr_regbit_set(core->avr, core->avr->reset_flags.extrf);
    b->resets_seen = core->resets;
    b->watchdog_resets_seen = core->watchdog_resets;
}

int vb_flash_dump(vb_core *core, const char *path, char *err, size_t errlen) {
    size_t size = (size_t)core->avr->flashend + 1;
    FILE *f = fopen(path, "wb");
    int ok = f && fwrite(core->avr->flash, 1, size, f) == size;
    if (f && fclose(f) != 0) ok = 0;
    if (!ok) {
        snprintf(err, errlen, "cannot write %s: %s", path, strerror(errno));
        return -1;
    }
    return 0;
}
