/* Unsigned LEB128: 7 bits a byte, low group first, bit7 = "more follows". Deltas and LOST
 * counts use it so that the common case (edges < 512 us apart) costs one byte. */
#ifndef WW_LEB128_H
#define WW_LEB128_H
#include <stdint.h>

/* Bytes needed for v: 1..5. */
static inline uint8_t leb128_len(uint32_t v)
{
    uint8_t n = 1;
    while (v >= 0x80) {
        v >>= 7;
        n++;
    }
    return n;
}

#endif
