/* Constant tables in flash on the AVR (where a plain `const` array is copied into the 2 KB of
 * RAM at start-up and costs flash for the copy as well), in ordinary memory on the host, where
 * the pure code runs in tests and the fuzzer. Read such a table only through flash_byte(). */
#ifndef WW_FLASH_H
#define WW_FLASH_H

#ifdef __AVR__
#include <avr/pgmspace.h>
#define FLASH PROGMEM
#define flash_byte(p) pgm_read_byte(p)
#else
#define FLASH
#define flash_byte(p) (*(p))
#endif

#endif
