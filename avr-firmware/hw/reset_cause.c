/* The reset cause, captured before anything else runs (on the Mega, which keeps avr-libc's
 * start-up code; the 328P does the same in its own, start_328p.S).
 *
 * MCUSR says why the chip reset (power-on, external, brown-out, watchdog). Optiboot clears
 * MCUSR before starting the application but leaves its old value in r2 (Optiboot 4.4 and
 * later), so when MCUSR reads 0 we take r2. .init3 runs after the stack is set up and before
 * .bss is cleared, and nothing before it touches r2; the copy goes to .noinit so the bss
 * clearing does not wipe it. The watchdog is turned off here too: after a watchdog reset it
 * stays on, and would reset the chip again during start-up. */
#include <avr/io.h>
#include <avr/wdt.h>
#include <stdint.h>

uint8_t reset_cause __attribute__((section(".noinit")));

void reset_cause_capture(void) __attribute__((naked, used, section(".init3")));
void reset_cause_capture(void)
{
    uint8_t r2;
    __asm__ __volatile__("mov %0, r2" : "=r"(r2));
    uint8_t m = MCUSR;
    reset_cause = m ? m : r2;
    MCUSR = 0;
    /* wdt_disable() without its SREG save and cli: interrupts are still off here */
    wdt_reset();
    WDTCSR = 1 << WDCE | 1 << WDE;
    WDTCSR = 0;
}
