#include "crc.h"

#ifndef __AVR__
/* Bit-at-a-time: this build only runs in tests, where clarity beats a table. */
uint16_t crc_update(uint16_t crc, uint8_t b)
{
    crc ^= b;
    for (uint8_t i = 0; i < 8; i++)
        crc = (crc & 1) ? (uint16_t)((crc >> 1) ^ 0x8408u) : (uint16_t)(crc >> 1);
    return crc;
}
#endif

uint16_t crc_block(const uint8_t *p, uint8_t n)
{
    uint16_t crc = CRC_INIT;
    while (n--)
        crc = crc_update(crc, *p++);
    return crc;
}
