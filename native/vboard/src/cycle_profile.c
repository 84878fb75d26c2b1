#include "cycle_profile.h"

#include <stdlib.h>
#include <string.h>

void vb_profile_load(vb_profile *p, const elf_firmware_t *fw) {
    p->n = 0;
    for (uint32_t i = 0; i < fw->symbolcount && p->n < VB_PROFILE_MAX; i++) {
        const avr_symbol_t *sym = fw->symbol[i];
        if (sym->addr >= 0x800000 || !sym->symbol[0]) continue;                            /* data, not code */
        if (strstr(sym->symbol, "_REGION_") || strstr(sym->symbol, "_LENGTH__")) continue; /* linker constants */
        p->fn[p->n].name = sym->symbol;
        p->fn[p->n].addr = sym->addr;
        p->fn[p->n].cycles = 0;
        p->n++;
    }
}

void vb_profile_add(vb_profile *p, uint32_t pc, uint64_t cycles) {
    int best = -1;
    for (int i = 0; i < p->n; i++)
        if (p->fn[i].addr <= pc && (best < 0 || p->fn[i].addr > p->fn[best].addr)) best = i;
    if (best >= 0) p->fn[best].cycles += cycles;
}

static int by_cycles(const void *x, const void *y) {
    uint64_t a = ((const typeof(((vb_profile *)0)->fn[0]) *)x)->cycles;
    uint64_t b = ((const typeof(((vb_profile *)0)->fn[0]) *)y)->cycles;
    return a < b ? 1 : a > b ? -1 : 0;
}

void vb_profile_print(vb_profile *p, FILE *out, const char *what, int samples) {
    if (samples <= 0) return;
    typeof(p->fn[0]) sorted[VB_PROFILE_MAX]; /* sort a copy: lookups need the table as loaded */
    memcpy(sorted, p->fn, sizeof sorted[0] * (size_t)p->n);
    qsort(sorted, (size_t)p->n, sizeof sorted[0], by_cycles);
    uint64_t total = 0;
    for (int i = 0; i < p->n; i++) total += sorted[i].cycles;
    fprintf(out, "vboard-bench: busy cycles %s, per function (mean of %d; %.1f in all):\n", what, samples,
            (double)total / samples);
    for (int i = 0; i < p->n && sorted[i].cycles; i++)
        fprintf(out, "  %8.1f  %s\n", (double)sorted[i].cycles / samples, sorted[i].name);
    for (int i = 0; i < p->n; i++) p->fn[i].cycles = 0;
}
