/* The reaction timer: the LED (D13) lights after a random delay of 1-3 s; the task then awaits
 * the button (D2 to ground, pull-up on) or a 2 s timeout, whichever comes first, and sends the
 * reaction time in microseconds to the host's tasks as a MSG on topic 1 (0xFFFFFFFF: no press
 * within 2 s). The press's time is the edge interrupt's own tick, not when the task ran. */
#include "critical.h"
#include "gpio.h"
#include "ww.h"

#define BUTTON 2
#define LED 13
#define TOPIC_RESULT 1

struct reaction {
    WW_TASK_STATE;
    uint16_t rnd;         /* xorshift state */
    ww_ticks lit;         /* when the LED went on */
    struct ww_edge press;
    struct ww_timer limit;
    uint8_t won;
};

WW_TASK(reaction)
{
    WW_BEGIN();
    gpio_mode(BUTTON, 1); /* input, pull-up: pressed = low */
    gpio_mode(LED, 2);
    self->rnd = 0xACE1u ^ (uint16_t)ww_now();
    for (;;) {
        gpio_write(LED, 0);
        self->rnd ^= self->rnd << 7; /* xorshift16 */
        self->rnd ^= self->rnd >> 9;
        self->rnd ^= self->rnd << 8;
        WW_SLEEP_MS(1000 + self->rnd % 2000);
        CRITICAL { /* the tick right after the write, with no ISR between them (the LED's own
                    * pin-change ISR, if the host watches D13, would make it ~16 us late); before
                    * it, the write's module hooks (pwm, servo) would count as reaction time */
            gpio_write(LED, 1);
            self->lit = ww_now();
        }
        ww_edge_arm(&self->press, BUTTON, WW_FALLING);
        ww_timer_in(&self->limit, WW_MS(2000));
        WW_SELECT(self->won, &self->press, &self->limit);
        uint32_t us = self->won == 0 ? WW_TICKS_TO_US(self->press.ts - self->lit) : 0xFFFFFFFFUL;
        msg_send(TOPIC_RESULT, &us, sizeof us);
    }
    WW_END();
}
