/* The ATmega2560's start-up and vector table, in place of avr-libc's crt (linked with
 * -nostartfiles and start_2560.ld; firmware.mk). The 328P's is start_328p.S, the same design.
 *
 * Why: avr-libc's crt has all 57 vectors (228 B), most pointing at __bad_interrupt, then its
 * start-up code (SREG, SP, EIND), the .init3 reset-cause code, the .bss loop, `call main`,
 * `_exit` (~70 B). Here the table stops at the last vector the core uses (USART0 UDRE, 26:
 * 108 B), and the start-up code sits in the slots of vectors 12..21, which are never enabled
 * (watchdog interrupt, Timer2, Timer1, Timer0 compare: the timers run PWM only): 108 B for all.
 *
 * The 2560's specifics:
 * - A vector slot is 4 bytes (a `jmp`) as on the 328P; the linker relaxes each to rjmp + nop,
 *   since the whole firmware is within rjmp's reach.
 * - Its PC has 3 bytes (an interrupt or rcall pushes 3), EIND and RAMPZ exist: their reset
 *   value 0 is right (no eicall/eijmp/elpm here: the firmware sits in the first 64 KB), so the
 *   crt's `out EIND, 0` is not needed. SREG and SP are not written either: a reset clears
 *   SREG and sets SP to RAMEND (0x21FF; datasheet, "Stack Pointer"), and the Mega's bootloader
 *   jumps here with interrupts off and a valid stack. main is entered by rjmp: it never returns.
 *
 * What it does, in order (as start_328p.S):
 * - r1 = 0, as C expects.
 * - The reset cause: MCUSR, then MCUSR = 0, so the next reset's flags are not mixed with these.
 *   MCUSR reads 0 when a bootloader cleared it or the program was entered by a jump; that is
 *   sent as 0, "unknown" (PROTOCOL.md). Kept in r2 while .bss is cleared, then stored in
 *   `reset_cause` (in .bss, so no .noinit section is needed).
 * - The watchdog is not turned off: after a watchdog reset it stays on at its shortest period
 *   (16 ms) until main's wdt_enable (1 s), which comes ~0.2 ms later (the .bss loop is ~2,500
 *   cycles, the init calls before it a few dozen).
 * - The UART's first byte after a reset is a 0x00: the TX ring's read index (GPIOR1) starts one
 *   behind its write index, at tx_buf's last byte, which .bss clearing zeroes (start_328p.S
 *   says why: the boot HELLO must not run into a frame the reset cut short).
 * - .bss cleared; there is no .data (start_2560.ld makes the link fail if some appears, since
 *   nothing here would copy it), then main. */
#include <avr/io.h>

    .section .vectors, "ax", @progbits
    .global __vectors
__vectors:
    rjmp start
    nop
    jmp  INT0_vect
    jmp  INT1_vect
    jmp  INT2_vect
    jmp  INT3_vect
    jmp  INT4_vect
    jmp  INT5_vect
    nop /* INT6, INT7 (7, 8): never enabled (not on the Mega's headers) */
    nop
    nop
    nop
    jmp  PCINT0_vect
    jmp  PCINT1_vect
    jmp  PCINT2_vect

/* vectors 12..21: never enabled */
#include "start.inc"
