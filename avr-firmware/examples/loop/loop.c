/* A control loop closed on the board: a pulse stretcher. Every rising edge on D2 drives D13 high
 * at once and keeps it high for `width` ms after the last edge; the host only sets the width
 * (MSG topic 3: u16 ms, little-endian), which a second task takes and hands over by a signal.
 * The reaction pin -> pin takes no round trip: it is the bench's onboard_reaction_us. A third task
 * toggles D12 every 100 ms without drift (a heartbeat: each deadline is the last one + 100 ms). */
#include "gpio.h"
#include "ww.h"

#define IN 2
#define OUT 13
#define TOPIC_WIDTH 3

static struct ww_signal width_set; /* zeroed: a signal (no initialiser: no .data) */

struct stretch {
    WW_TASK_STATE;
    uint16_t width;
    struct ww_edge in;
    struct ww_timer off;
    uint8_t won;
};

WW_TASK(stretch)
{
    WW_BEGIN();
    gpio_mode(IN, 0);
    gpio_mode(OUT, 2);
    self->width = 10;
    for (;;) {
        WW_AWAIT_EDGE(&self->in, IN, WW_RISING);
        gpio_write(OUT, 1);
        do { /* high until `width` ms pass without a new rising edge */
            ww_timer_in(&self->off, WW_MS(self->width));
            ww_edge_arm(&self->in, IN, WW_RISING);
            WW_SELECT(self->won, &self->in, &self->off, &width_set);
            if (self->won == 2) /* a new width: from now on */
                self->width = width_set.value;
        } while (self->won != 1);
        gpio_write(OUT, 0);
    }
    WW_END();
}

struct params {
    WW_TASK_STATE;
    struct ww_msg m;
};

WW_TASK(params)
{
    WW_BEGIN();
    for (;;) {
        WW_AWAIT_MSG(TOPIC_WIDTH, &self->m);
        if (self->m.len == 2)
            ww_signal_raise(&width_set, (uint16_t)(self->m.data[0] | self->m.data[1] << 8));
    }
    WW_END();
}

struct heartbeat {
    WW_TASK_STATE;
    uint8_t on;
};

WW_TASK(heartbeat)
{
    WW_BEGIN();
    gpio_mode(12, 2);
    WW_EVERY_START();
    for (;;) {
        WW_EVERY_MS(100);
        self->on ^= 1;
        gpio_write(12, self->on);
    }
    WW_END();
}
