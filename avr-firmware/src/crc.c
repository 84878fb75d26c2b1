#include "crc.h"

uint16_t crc_block(const uint8_t *p, uint8_t n)
{
    uint16_t crc = CRC_INIT;
    while (n--)
        crc = crc_update(crc, *p++);
    return crc;
}
