/* The seed's example shrunk to a board: three buttons (D2, D3, D4 to ground, pull-ups on) raced
 * against a 500 ms deadline. Each round starts when the host sends a MSG on topic 2; the first
 * press wins, the other waits are cancelled (select), and the board answers on topic 2 with the
 * winner (0..2, or 3 = the deadline), the edge waits still armed afterwards (0: the losers' were
 * cancelled) and the winning press's board tick. */
#include "gpio.h"
#include "ww.h"

#define TOPIC 2

struct race {
    WW_TASK_STATE;
    struct ww_msg go;
    struct ww_edge b[3];
    struct ww_timer deadline;
    uint8_t won;
};

WW_TASK(race)
{
    WW_BEGIN();
    for (uint8_t i = 0; i < 3; i++)
        gpio_mode((uint8_t)(2 + i), 1);
    for (;;) {
        WW_AWAIT_MSG(TOPIC, &self->go);
        for (uint8_t i = 0; i < 3; i++)
            ww_edge_arm(&self->b[i], (uint8_t)(2 + i), WW_FALLING);
        ww_timer_in(&self->deadline, WW_MS(500));
        WW_SELECT(self->won, &self->b[0], &self->b[1], &self->b[2], &self->deadline);
        struct __attribute__((packed)) { uint8_t won, armed; ww_ticks ts; } r = {
            self->won, ww_edges_armed(), self->won < 3 ? self->b[self->won].ts : 0};
        msg_send(TOPIC, &r, sizeof r);
    }
    WW_END();
}
