/* CRC-16/X-25 (also IBM-SDLC): reflected poly 0x8408, init 0xFFFF, final xor 0xFFFF;
 * check("123456789") = 0x906E. Protocol version 2; version 1 had no final xor (MCRF4XX), and
 * then a register of 0 after the FCS stays 0 through any trailing zero bytes, so a frame with a
 * stray 0x00 before its delimiter (one 0x01 inserted in front of the delimiter, a dropped COBS
 * code byte) still checked. With the final xor the residue is 0xF0B8 and a zero byte moves it.
 * The register (crc_update from CRC_INIT) is avr-libc's _crc_ccitt_update(); the writer sends
 * its complement, the reader compares the register over body + FCS with CRC_RESIDUE.
 * The byte-at-a-time form below
 * (the equivalent C that avr-libc documents for that function) is used on both the AVR and
 * the host, always inlined: about 15 AVR instructions, no table, and no call in the
 * per-byte path of the frame writer. */
#ifndef WW_CRC_H
#define WW_CRC_H
#include <stdint.h>

#define CRC_INIT 0xFFFFu
/* The register after a body and its correct FCS (low byte first), whatever the body. */
#define CRC_RESIDUE 0xF0B8u

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
