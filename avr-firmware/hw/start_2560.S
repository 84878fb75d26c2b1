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
start:
    clr  r1
    in   r2, _SFR_IO_ADDR(MCUSR) /* 0 = unknown (PROTOCOL.md), never a guess from a register */
    out  _SFR_IO_ADDR(MCUSR), r1
    /* Defining __do_clear_bss here keeps libgcc's copy (which the compiler asks for) out. */
    .global __do_clear_bss
__do_clear_bss:
    ldi  r26, lo8(__bss_start)
    ldi  r27, hi8(__bss_start)
    ldi  r24, hi8(__bss_end)
    rjmp 2f
1:  st   X+, r1
2:  cpi  r26, lo8(__bss_end)
    cpc  r27, r24
    brne 1b
    sts  reset_cause, r2
    ser  r24 /* the TX ring's read index (GPIOR1) one behind its start: the 0x00 above */
    out  _SFR_IO_ADDR(GPIOR1), r24
    jmp  main /* the linker makes it an rjmp + nop in reach; a bigger build (up to 8 KB of modules) may not be */
/* Timer0 compare B (22): the servo module's interrupt (modules/servo/servo.c). Weak: a build
 * without the module never enables it, and the slot was padding anyway (no flash added). */
    .org TIMER0_COMPB_vect_num * 4 /* the assembler fails here if the code above outgrew 12..21 */
    .weak TIMER0_COMPB_vect
    jmp  TIMER0_COMPB_vect
    .org TIMER0_OVF_vect_num * 4
    jmp  TIMER0_OVF_vect
    nop /* SPI (24): never enabled */
    nop
    jmp  USART0_RX_vect
    jmp  USART0_UDRE_vect
/* the core's last vector: the table ends here. A module with a vector further on (analog: ADC,
 * 29) brings the table's tail in a .vectors section of its own, linked right after this one. */

    .section .bss.reset_cause, "aw", @nobits
    .global reset_cause
reset_cause:
    .skip 1
