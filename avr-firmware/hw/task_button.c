/* Example user task: a debounced push button toggles an LED.
 *
 * Compiled in with `make firmware EXAMPLE=button` (BUTTON_PIN / LED_PIN override the pins;
 * defaults D12 to ground with the pull-up on, LED on D13). It shows the user API: a
 * protothread that awaits an interrupt source (edge_watch) and a timeout (timeout_after),
 * with its state in statics because locals do not survive a wait (pt.h).
 *
 * The host still sees the pins: arm BUTTON_PIN to get its edges as events too. */
#include "edges.h"
#include "executor.h"
#include "gpio.h"
#include "pt.h"
#include "timer.h"

#ifndef BUTTON_PIN
#define BUTTON_PIN 12
#endif
#ifndef LED_PIN
#define LED_PIN 13
#endif
#define SETTLE_PERIODS 20 /* ~20 ms for the contacts to stop bouncing */

static struct pt pt;
static uint8_t led;

void button_init(void)
{
    gpio_mode(BUTTON_PIN, 1); /* input with pull-up: pressed = low */
    gpio_mode(LED_PIN, 2);
    edge_watch(BUTTON_PIN, TASK_USER0);
}

void task_button(void)
{
    PT_BEGIN(&pt);
    for (;;) {
        PT_WAIT_UNTIL(&pt, !pin_level(BUTTON_PIN));          /* woken by the pin's interrupt */
        timeout_after(TIMEOUT_USER0, SETTLE_PERIODS, TASK_USER0);
        PT_WAIT_UNTIL(&pt, timeout_done(TIMEOUT_USER0));
        if (pin_level(BUTTON_PIN))
            continue;                                         /* a glitch, not a press */
        led ^= 1;
        gpio_write(LED_PIN, led);
        PT_WAIT_UNTIL(&pt, pin_level(BUTTON_PIN));           /* released */
        timeout_after(TIMEOUT_USER0, SETTLE_PERIODS, TASK_USER0);
        PT_WAIT_UNTIL(&pt, timeout_done(TIMEOUT_USER0));     /* ignore the release bounce */
    }
    PT_END(&pt);
}
