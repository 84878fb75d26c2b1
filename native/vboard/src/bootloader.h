/*
 * bootloader: the boot section of a real Arduino, for rehearsing uploads with avrdude.
 *
 * An Uno's bootloader (Optiboot) sits in the top 512 B of flash, and the BOOTRST fuse makes the
 * MCU start there after every reset. Optiboot stays in the bootloader only when MCUSR says the
 * reset pin did it (EXTRF): on a real Uno the host's DTR line pulses the pin when it opens the
 * port. simavr clears MCUSR on every reset and knows no reset pin, so the vboard plays both:
 * it loads the bootloader's Intel hex into flash, points the reset vector at it, and after every
 * reset that was not the watchdog's (the host opening the port, the `reset` command) sets EXTRF.
 * Optiboot then jumps to the application by a watchdog reset (WDRF, no EXTRF), as on the board.
 *
 * What the bootloader writes with SPM stays in simavr's flash array across resets: only
 * the ELF given at start-up is loaded, once.
 */
#ifndef VB_BOOTLOADER_H
#define VB_BOOTLOADER_H

#include <stddef.h>
#include <stdint.h>

#include "core.h"

typedef struct vb_boot {
    int loaded;
    uint32_t start, end;             /* the flash bytes [start, end) the hex filled; start is the reset vector */
    uint64_t resets_seen;            /* core->resets and core->watchdog_resets at the previous call */
    uint64_t watchdog_resets_seen;
} vb_boot;

/*
 * Reads an Intel hex file into image[0..cap) (bytes it does not name are left alone) and
 * reports the lowest and one past the highest address it names. Returns 0, or -1 with a
 * one-line reason naming the file and line in err (bad syntax, bad checksum, data past cap).
 */
int vb_ihex_read(const char *path, uint8_t *image, size_t cap, uint32_t *lo, uint32_t *hi, char *err, size_t errlen);

/* Loads the bootloader hex into flash above the firmware and moves the reset vector to it. */
int vb_boot_load(vb_boot *b, vb_core *core, const char *hex_path, char *err, size_t errlen);
/* Called after every reset (the core's after_reset hook): EXTRF unless the watchdog reset. */
void vb_boot_after_reset(vb_boot *b, vb_core *core);
/* Writes the whole flash, as simavr holds it now, to path (raw bytes, address 0 first). */
int vb_flash_dump(vb_core *core, const char *path, char *err, size_t errlen);

#endif
