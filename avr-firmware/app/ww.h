/* The on-board async runtime: what a user's task can await, and how it talks to Java tasks.
 * Built in only with `make firmware APP=path/to/app` (see avr-firmware/README.md, "Write your
 * own task"); without APP the core has none of it.
 *
 * A task is a protothread (pt.h) with its state in a struct of its own:
 *
 *   struct blink { WW_TASK_STATE; uint8_t on; };   // app.h: #define APP_TASKS(X) X(blink)
 *   WW_TASK(blink)
 *   {
 *       WW_BEGIN();
 *       for (;;) {
 *           WW_SLEEP_MS(500);
 *           self->on ^= 1;
 *           gpio_write(13, self->on);
 *       }
 *       WW_END();
 *   }
 *
 * LOCALS DO NOT SURVIVE A WAIT (each WW_AWAIT returns from the function): keep in `self` what
 * is needed after one. At most one wait per source line.
 *
 * Scheduling: every user task shares one ready bit (TASK_USER0); any wake of it (an awaited
 * edge, the 1.024 ms tick while some task waits on time, a signal, a message, TX room) runs
 * every task once, in APP_TASKS order, and each looks at what it waits for (an indirect jump
 * and a test: ~20-40 cycles a task). The board sleeps whenever no task has anything to do.
 *
 * Sources a task can wait on (each a small struct in its state, kind byte first, so that
 * WW_SELECT can take any of them): struct ww_edge, struct ww_timer, struct ww_signal,
 * struct ww_chan, struct ww_msg. */
#ifndef WW_H
#define WW_H
#include <stdint.h>
#include "pt.h"
#include "ww_config.h"

#ifndef F_CPU
#define F_CPU 16000000UL
#endif

/* ---- time: board ticks of 64 clocks (4 us at 16 MHz), 32 bits, wrapping every 4 h 46 min ---- */
typedef uint32_t ww_ticks;
#define WW_TICKS_PER_MS (F_CPU / 64000UL)
#define WW_MS(ms) ((ww_ticks)(ms) * WW_TICKS_PER_MS)
#define WW_US(us) ((ww_ticks)((uint64_t)(us) * (F_CPU / 64UL) / 1000000UL))
/* Ticks to microseconds (for a result sent to the host). */
#define WW_TICKS_TO_US(t) ((uint32_t)(t) * (64000000UL / F_CPU))
/* The longest wait: half the tick range (2^31 ticks, 2 h 23 min at 16 MHz); a deadline further
 * away than that reads as already passed. */
#define WW_MAX_WAIT 0x7FFFFFFFUL

ww_ticks ww_now(void);
/* Whether `at` has come, across the 32-bit wrap: (int32_t)(now - at) >= 0. */
static inline uint8_t ww_after(ww_ticks now, ww_ticks at) { return (int32_t)(now - at) >= 0; }
/* Task context: 1 once `at` has come, else 0 and the tick stays on so the task looks again. */
uint8_t ww_reached(ww_ticks at);

/* ---- a task ---- */
struct ww_task {
    struct pt pt;
    ww_ticks at; /* the deadline of WW_SLEEP / WW_UNTIL / WW_EVERY */
};
#define WW_TASK_STATE struct ww_task task
/* Defines the task's state (struct name name_state, zeroed at reset) and its body. */
#define WW_TASK(name) \
    struct name name##_state; \
    void name##_run(struct name *self)
#define WW_BEGIN() PT_BEGIN(&self->task.pt)
#define WW_END() PT_END(&self->task.pt)
/* Waits until cond is true; cond is evaluated each time the task runs. */
#define WW_AWAIT(cond) PT_WAIT_UNTIL(&self->task.pt, cond)
/* Durations and deadlines (1.024 ms resolution: the wake comes on the first Timer0 overflow
 * at or after the deadline). */
#define WW_SLEEP(ticks)                          \
    do {                                         \
        self->task.at = ww_now() + (ticks);      \
        WW_AWAIT(ww_reached(self->task.at));     \
    } while (0)
#define WW_SLEEP_MS(ms) WW_SLEEP(WW_MS(ms))
#define WW_UNTIL(deadline)                       \
    do {                                         \
        self->task.at = (deadline);              \
        WW_AWAIT(ww_reached(self->task.at));     \
    } while (0)
/* Periodic ticks without drift: each deadline is the last one + period, never "now + period".
 * Start with WW_EVERY_START() (the first tick comes one period later). A task that falls
 * behind runs the missed ticks back to back. */
#define WW_EVERY_START() (self->task.at = ww_now())
#define WW_EVERY(period)                         \
    do {                                         \
        self->task.at += (period);               \
        WW_AWAIT(ww_reached(self->task.at));     \
    } while (0)
#define WW_EVERY_MS(ms) WW_EVERY(WW_MS(ms))

/* ---- sources ---- */
/* A signal's kind is 0, so a zeroed global is a ready signal: the firmware copies no .data,
 * so sources are never initialised statically; the others get their kind when armed. */
enum ww_kind { WW_K_SIGNAL = 0, WW_K_EDGE, WW_K_TIMER, WW_K_CHAN, WW_K_MSG };

/* An edge on a pin: armed for one pin and direction; the edge interrupt itself stores the tick
 * (the same 4-us clock as the host's EVENTS) and the level. The layout is read by
 * ww_edge_isr.S (offsets checked in ww_hw.c). */
#define WW_RISING 1
#define WW_FALLING 2
#define WW_BOTH 3
struct ww_edge {
    uint8_t kind;
    uint8_t want;          /* pin | the level wanted << 7 */
    volatile uint8_t mask; /* 0xFF one direction, 0x7F both: armed; 0: fired; 1: idle */
    volatile ww_ticks ts;  /* the edge's board tick, once fired */
    volatile uint8_t got;  /* pin | the level after the edge << 7, once fired */
};
#define WW_EDGE_FIRED 0
#define WW_EDGE_IDLE 1
/* Arms e (task context): 0, or a NAK code (protocol.h: bad pin, a pin without an interrupt,
 * or NAK_BUSY when all WW_EDGE_SLOTS are taken). */
uint8_t ww_edge_arm(struct ww_edge *e, uint8_t pin, uint8_t dir);
static inline uint8_t ww_edge_fired(const struct ww_edge *e) { return e->mask == WW_EDGE_FIRED; }
/* Waits for an edge of pin in direction dir; then e->ts is its tick, e->got its level << 7. */
#define WW_AWAIT_EDGE(e, pin, dir)               \
    do {                                         \
        ww_edge_arm((e), (pin), (dir));          \
        WW_AWAIT(ww_edge_fired(e));              \
    } while (0)

/* A timer as a source (for WW_SELECT; a plain wait is WW_SLEEP). */
struct ww_timer {
    uint8_t kind;
    uint8_t armed;
    ww_ticks at;
};
void ww_timer_at(struct ww_timer *t, ww_ticks at);
#define ww_timer_in(t, ticks) ww_timer_at((t), ww_now() + (ticks))

/* A signal: the latest value wins (like embassy's Signal). Raised from a task or an ISR;
 * taken by one waiter. A global `struct ww_signal s;` needs no initialiser. After a WW_SELECT
 * that it won, its value is s.value. */
struct ww_signal {
    uint8_t kind;
    volatile uint8_t set;
    volatile uint16_t value;
};
void ww_signal_raise(struct ww_signal *s, uint16_t value); /* task context */
/* From an ISR (interrupts already off). */
void ww_signal_raise_isr(struct ww_signal *s, uint16_t value);
/* 1 and *value if it was raised (and clears it), else 0. */
uint8_t ww_signal_take(struct ww_signal *s, uint16_t *value);
#define WW_AWAIT_SIGNAL(s, valuep) WW_AWAIT(ww_signal_take((s), (valuep)))

/* A bounded channel of fixed-size items: one producer (a task or an ISR), one consumer.
 * A full channel refuses the item and counts it in `lost` (never silently). */
struct ww_chan {
    uint8_t kind;
    volatile uint8_t head, tail; /* free-running */
    uint8_t mask;                /* depth - 1, depth a power of two <= 128 */
    uint8_t size;                /* bytes an item */
    uint8_t lost;                /* items refused, saturating at 255 */
    uint8_t *buf;
};
/* Defines the channel and its storage; WW_CHAN_INIT (in a task, before first use) sets it up. */
#define WW_CHAN(name, type, depth)                                                        \
    _Static_assert((depth) && !((depth) & ((depth)-1)) && (depth) <= 128, #name ": depth"); \
    static uint8_t name##_buf[(depth) * sizeof(type)];                                     \
    struct ww_chan name
#define WW_CHAN_INIT(name, type, depth) ww_chan_init(&(name), name##_buf, (depth), sizeof(type))
void ww_chan_init(struct ww_chan *c, uint8_t *buf, uint8_t depth, uint8_t size);
uint8_t ww_chan_send(struct ww_chan *c, const void *item);     /* 1 sent, 0 full (lost + 1) */
uint8_t ww_chan_send_isr(struct ww_chan *c, const void *item); /* the same from an ISR */
uint8_t ww_chan_recv(struct ww_chan *c, void *item);           /* 1 received, 0 empty */
static inline uint8_t ww_chan_count(const struct ww_chan *c) { return (uint8_t)(c->head - c->tail); }
#define WW_AWAIT_RECV(c, itemp) WW_AWAIT(ww_chan_recv((c), (itemp)))

/* ---- messages to and from the host's tasks (MSG frames, PROTOCOL.md) ---- */
struct ww_msg {
    uint8_t kind;
    uint8_t topic;
    uint8_t len;
    uint8_t data[WW_MSG_MAX];
};
/* Queues a message for the host (task context): 1, or 0 when the queue is full; a refused
 * message is counted and the count goes to the host in the next MSG frame (never silent). */
uint8_t msg_send(uint8_t topic, const void *buf, uint8_t n);
/* Takes the oldest message from the host on `topic` into m: 1, or 0 if there is none. A message
 * no task takes stays queued; with WW_MSG_DEPTH of them the host's sends are NAKed busy. */
uint8_t msg_recv(uint8_t topic, struct ww_msg *m);
#define WW_AWAIT_MSG(topic, m) WW_AWAIT(msg_recv((topic), (m)))
/* m as a WW_SELECT source for `topic`. */
static inline void ww_msg_wait(struct ww_msg *m, uint8_t topic) { m->kind = WW_K_MSG; m->topic = topic; }

/* ---- select: the first of several sources ---- */
#define WW_NONE 0xFF
/* Polls srcs[0..n-1] in order; on the first that is ready returns its index (a signal's value or a
 * message is taken into its struct, a channel's item is left for ww_chan_recv) and cancels
 * every other: edges are disarmed, timers stopped. WW_NONE if none is ready. */
uint8_t ww_select(void *const *srcs, uint8_t n);
#define WW_SELECT(won, ...) \
    WW_AWAIT(((won) = ww_select((void *const[]){__VA_ARGS__}, sizeof((void *[]){__VA_ARGS__}) / sizeof(void *))) != WW_NONE)
void ww_cancel(void *src);

/* ---- for the runtime itself ---- */
void ww_wake(void);      /* task context: runs the tasks again */
void ww_need_tick(void); /* keeps the 1.024 ms tick on for the next pass */
extern struct ww_edge *volatile ww_edge_tab[WW_EDGE_SLOTS];
/* What ww_edge_isr.S does for an edge (interrupts off), in C for the host tests. */
void ww_edge_seen(uint8_t pinlevel, ww_ticks ts);
uint8_t ww_edge_table_add(struct ww_edge *e);
uint8_t ww_edges_armed(void); /* entries in ww_edge_tab */
/* The message queues. */
struct ww_msgq {
    uint8_t n;
    uint16_t lost; /* refused since last reported */
    struct ww_msg m[WW_MSG_DEPTH];
};
extern struct ww_msgq ww_in, ww_out;
uint8_t ww_msgq_put(struct ww_msgq *q, uint8_t topic, const uint8_t *data, uint8_t n);
uint8_t ww_msgq_take(struct ww_msgq *q, uint8_t topic, struct ww_msg *m);

#endif
