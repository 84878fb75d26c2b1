/* wakewire firmware: start-up, then the executor forever.
 *
 * Resources it takes (documented in avr-firmware/README.md): USART0 (D0/D1), Timer0 as the
 * timestamp clock and timeout tick, INTn and PCINT interrupts of armed pins, the watchdog (1 s,
 * reset by the main loop); modules take more (the analog module: the ADC; the pwm module:
 * Timer1/Timer2, and 3-5 on the Mega, in 8-bit fast PWM, and Timer0's compare outputs). */
#include <avr/interrupt.h>
#include <avr/wdt.h>
#include "clock.h"
#include "executor.h"
#include "pins.h"
#include "uart.h"

void send_hello(uint8_t req); /* dispatch.c */
#ifdef EXAMPLE_INIT
void EXAMPLE_INIT(void);
#endif

int main(void)
{
    clock_init();
    uart_init();
    /* wdt_enable(WDTO_1S) without its SREG save and cli: interrupts are still off here. In asm
     * because the second write must follow the first within 4 cycles. */
    __asm__ __volatile__("wdr\n\tsts %0, %1\n\tsts %0, %2" ::"n"(_SFR_MEM_ADDR(WDTCSR)),
                         "r"((uint8_t)(1 << WDCE | 1 << WDE)), "r"((uint8_t)(1 << WDE | WDTO_1S)));
#define CALL_INIT(init) init();
    MODULE_INITS(CALL_INIT) /* the modules' start-up (modules.h) */
#ifdef EXAMPLE_INIT
    EXAMPLE_INIT();
#endif
    send_hello(0); /* the boot HELLO; the TX ring is empty, so it fits */
    sei();
    executor_run();
}
