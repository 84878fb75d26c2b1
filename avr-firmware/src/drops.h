/* Drop counters, one per interrupt source of this MCU (the list is in the per-MCU pin file).
 * ISRs increment `count`; the events task remembers in `reported` what it has already put
 * in LOST markers. Counters wrap modulo 2^16; only differences matter. */
#ifndef WW_DROPS_H
#define WW_DROPS_H
#include <stdint.h>
#include "flash.h"

struct drops {
    uint8_t n;                 /* number of sources */
    const uint8_t *ids;        /* wire source id of each (PROTOCOL.md section 4); in flash (flash.h) */
    volatile uint16_t *count;  /* written by ISRs */
    uint16_t *reported;        /* written by the events task */
};

#endif
