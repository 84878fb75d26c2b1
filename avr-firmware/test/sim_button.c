/* The example task (EXAMPLE=button) on the real ELF in simavr: a debounced push button on D12
 * (PB4, pull-up, pressed = low) toggles the LED on D13 (PB5).
 *
 *   sim_button <elf>
 *
 * Presses the button twice, each press with contact bounce (five 100 us glitches) and held
 * for 60 ms, released for 60 ms in between (with bounce again). Passes when the LED is low
 * before the first press, goes high 20..30 ms after the first press began (the task's 20 ms
 * settle time at 1.024 ms a period), stays high through the release bounce, and goes low
 * after the second press: one toggle per press, none per bounce. */
#include <stdio.h>
#include <stdlib.h>

#include "sim_harness.h"

static avr_t *avr;
static int led = -1, toggles;
static unsigned long long led_at;

static void on_led(struct avr_irq_t *irq, uint32_t value, void *param)
{
    (void)irq, (void)param;
    if ((int)value != led && led >= 0) {
        toggles++;
        led_at = avr->cycle;
    }
    led = (int)value;
}

static void run_until(unsigned long long cycle)
{
    if (sim_run_until((long long)cycle))
        exit(1);
}

/* Drives the button to `level` after `n` bounces (opposite level for 100 us, back for 100 us). */
static void bounce_to(avr_irq_t *button, int level, int n)
{
    for (int i = 0; i < n; i++) {
        avr_raise_irq(button, level);
        run_until(avr->cycle + 1600);
        avr_raise_irq(button, !level);
        run_until(avr->cycle + 1600);
    }
    avr_raise_irq(button, level);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s elf\n", argv[0]);
        return 2;
    }
    sim_init("sim_button");
    avr = sim_load(argv[1], "atmega328p", 0);
    if (!avr)
        return 2;
    avr_irq_t *button = sim_pin('B', 4);
    avr_irq_register_notify(sim_pin('B', 5), on_led, NULL);
    const unsigned long long ms = 16000;
    avr_raise_irq(button, 1); /* released */
    run_until(20 * ms);
    int led_before = led <= 0 ? 0 : 1;
    unsigned long long pressed = avr->cycle;
    bounce_to(button, 0, 5);
    run_until(pressed + 60 * ms);
    int toggles_1 = toggles;
    unsigned long long delay_1 = toggles ? led_at - pressed : 0;
    int led_1 = led;
    bounce_to(button, 1, 5); /* release, with bounce */
    run_until(avr->cycle + 60 * ms);
    int led_released = led;
    bounce_to(button, 0, 5); /* second press */
    run_until(avr->cycle + 60 * ms);
    int ok = led_before == 0 && toggles_1 == 1 && led_1 == 1 && delay_1 >= 20 * ms && delay_1 <= 30 * ms &&
             led_released == 1 && toggles == 2 && led == 0;
    printf("sim_button: LED %d before, %d after press 1 (%d toggle(s), %.1f ms after the press), %d after "
           "release, %d after press 2 (%d toggles in all) -> %s\n",
           led_before, led_1, toggles_1, (double)delay_1 / ms, led_released, led, toggles, ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
