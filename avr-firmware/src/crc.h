/* CRC-16/MCRF4XX: reflected poly 0x8408, init 0xFFFF, no final xor; check("123456789") = 0x6F91.
 * On the AVR this is avr-libc's _crc_ccitt_update (hand-written assembly, ~10 cycles a byte);
 * on the host it is crc.c's plain C loop, which the tests check against the same vectors. */
#ifndef WW_CRC_H
#define WW_CRC_H
#include <stdint.h>

#define CRC_INIT 0xFFFFu

#ifdef __AVR__
#include <util/crc16.h>
static inline uint16_t crc_update(uint16_t crc, uint8_t b) { return _crc_ccitt_update(crc, b); }
#else
uint16_t crc_update(uint16_t crc, uint8_t b);
#endif

uint16_t crc_block(const uint8_t *p, uint8_t n);

#endif
