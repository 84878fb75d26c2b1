/* The reset cause, captured before anything else runs (on the Mega, which keeps avr-libc's
 * start-up code; the 328P does the same in its own, start_328p.S).
 *
 * MCUSR says why the chip reset (power-on, external, brown-out, watchdog, JTAG). It reads 0
 * when a bootloader cleared it or the program was entered by a jump: sent as 0, "unknown"
 * (PROTOCOL.md). Optiboot 4.4+ leaves its copy in r2, but nothing tells that copy from a
 * stale register, so it is not used (it gave garbage such as 0xf2 after resets without it).
 * The copy goes to .noinit so the bss clearing does not wipe it. The watchdog is turned off
 * here too: after a watchdog reset it stays on, and would reset the chip again during start-up. */
#include <avr/io.h>
#include <avr/wdt.h>
#include <stdint.h>

uint8_t reset_cause __attribute__((section(".noinit")));

void reset_cause_capture(void) __attribute__((naked, used, section(".init3")));
void reset_cause_capture(void)
{
    reset_cause = MCUSR;
    MCUSR = 0;
    /* The UART's first byte after a reset is a 0x00 (tx_buf's last byte, cleared with .bss): it
     * ends a frame the reset cut short, so the boot HELLO cannot run into it (start_328p.S). */
    GPIOR1 = 0xFF;
    /* wdt_disable() without its SREG save and cli: interrupts are still off here */
    wdt_reset();
    WDTCSR = 1 << WDCE | 1 << WDE;
    WDTCSR = 0;
}
