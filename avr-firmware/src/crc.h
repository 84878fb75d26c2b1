/* CRC-16/MCRF4XX: reflected poly 0x8408, init 0xFFFF, no final xor; check("123456789") = 0x6F91.
 * The same CRC as avr-libc's _crc_ccitt_update() from 0xFFFF. The byte-at-a-time form below
 * (the equivalent C that avr-libc documents for that function) is used on both the AVR and
 * the host, always inlined: about 15 AVR instructions, no table, and no call in the
 * per-byte path of the frame writer. */
#ifndef WW_CRC_H
#define WW_CRC_H
#include <stdint.h>

#define CRC_INIT 0xFFFFu

#ifdef __AVR__
#include <util/crc16.h>
/* avr-libc's hand-written version of the same step: 13 instructions, fewer than avr-gcc
 * makes of the C below. */
static inline __attribute__((always_inline)) uint16_t crc_update(uint16_t crc, uint8_t data)
{
    return _crc_ccitt_update(crc, data);
}
#else
static inline __attribute__((always_inline)) uint16_t crc_update(uint16_t crc, uint8_t data)
{
    data ^= (uint8_t)crc;
    data ^= (uint8_t)(data << 4);
    return (uint16_t)((((uint16_t)data << 8) | (uint8_t)(crc >> 8)) ^ (uint8_t)(data >> 4) ^ ((uint16_t)data << 3));
}
#endif

uint16_t crc_block(const uint8_t *p, uint8_t n);

#endif
