/* The ATmega328P's start-up and vector table, in place of avr-libc's crt (linked with
 * -nostartfiles and start_328p.ld; firmware.mk). The Mega's is start_2560.S, the same design;
 * the start-up code and the table's tail are one file for both, start.inc.
 *
 * Why: avr-libc's crt has all 26 vectors (104 B), most pointing at __bad_interrupt, then its
 * start-up code, reset_cause.c's .init3 code, the .bss loop and _exit after them (~80 B).
 * Here the table stops at the last vector the core uses (USART UDRE, 19), and the start-up code
 * sits in the slots of vectors 6..14, which are never enabled (watchdog interrupt, Timer2,
 * Timer1, Timer0 compare: the timers run PWM only): 80 B for all of it.
 *
 * What it does, in order:
 * - r1 = 0, as C expects. SREG and SP are not written: a reset clears SREG and sets SP to
 *   RAMEND (datasheet, "Stack Pointer"), and a bootloader that jumps here (Optiboot) does so
 *   with interrupts off and a valid stack.
 * - The reset cause: MCUSR, then MCUSR = 0, so the next
 *   reset's flags are not mixed with these. MCUSR reads 0 when a bootloader cleared it or the
 *   program was entered by a jump; that is sent as 0, "unknown". (It used to take r2 then, the
 *   copy Optiboot 4.4+ leaves there, but nothing tells that copy from a stale register: after a
 *   reset without Optiboot it reported garbage such as 0xf2.) Kept in r2 while .bss is cleared,
 *   then stored in `reset_cause` (in .bss, so no .noinit section is needed).
 * - The watchdog is not turned off: after a watchdog reset it stays on at its shortest period
 *   (16 ms) until main's wdt_enable (1 s), which comes ~0.2 ms later (the .bss loop is ~3,000
 *   cycles, the init calls before it a few dozen).
 * - The UART's first byte after a reset is a 0x00: the TX ring's read index (GPIOR1, uart.c)
 *   starts one behind its write index, at tx_buf[TX_SIZE - 1], which .bss clearing zeroes. A
 *   reset that cut a frame short left the host's reader mid-frame; without the 0x00 the boot
 *   HELLO ran into that frame's remains and failed its CRC with them (1 reset in ~4 while edges
 *   streamed). Here, in the unused vector slots, it costs no flash.
 * - .bss cleared; there is no .data (start_328p.ld makes the link fail if some appears, since
 *   nothing here would copy it), then main, which never returns. */
#include <avr/io.h>

    .section .vectors, "ax", @progbits
    .global __vectors
__vectors:
    rjmp start
    nop
/* `jmp`: the linker relaxes an entry in .vectors to rjmp + nop when the target is in reach. */
    jmp  INT0_vect
    jmp  INT1_vect
    jmp  PCINT0_vect
    jmp  PCINT1_vect
    jmp  PCINT2_vect

/* vectors 6..14: never enabled */
#include "start.inc"
