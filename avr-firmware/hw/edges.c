#include "edges.h"
#include <avr/interrupt.h>
#include "clock.h"
#include "critical.h"
#include "executor.h"
#include "gpio.h"
#include "protocol.h"
#include "timer.h"

struct ev_ring ev_ring;
volatile uint16_t drop_count[N_SOURCES];
/* written by the edge_isr.h stubs' asm, so LTO must keep the names */
volatile uint8_t edge_tcnt __attribute__((used, externally_visible));
volatile uint8_t edge_src __attribute__((used, externally_visible));
static uint8_t int_sense_forced; /* bit n: INTn senses one direction, its level is implied */

/* Per pin: bits 0-1 the armed edges (EDGE_*); for debounced pins ST_LEVEL the level at the
 * last taken change, ST_LOCKED its window is open (TASK_DEBOUNCE closes it; a flag rather
 * than a time compare, so a pin quiet for longer than the 8-bit period count can wrap is
 * never mistaken for locked), ST_PENDING a change came while locked. */
#define ST_EDGES 0x03
#define ST_LEVEL 0x04
#define ST_PENDING 0x08
#define ST_LOCKED 0x10
#define ST_WATCHED 0x20 /* edge_watch: a change wakes watch_wake */
static volatile uint8_t state[N_PINS];
static uint8_t window[N_PINS];            /* debounce window in overflow periods, 0 = none */
static volatile uint8_t taken_at[N_PINS]; /* overflow period of the last taken change */
static uint8_t pcint_last[N_PCINT_GROUPS];
static uint8_t watch_wake; /* task bits woken by a change of any watched pin */

/* Wakes TASK_EVENTS only when its answer can change: the ring was empty (send now if the
 * UART is idle) or it just reached EV_MIN_BATCH (events_task.c); one wake per batch, not
 * per edge. */
static inline __attribute__((always_inline)) void push(uint8_t src_i, __uint24 ts, uint8_t pin, uint8_t level)
{
    uint8_t n = ev_ring_push(&ev_ring, ts, (uint8_t)(level << 7 | pin));
    if (n) {
        if (n == 1 || n == EV_MIN_BATCH)
            wake_from_isr(TASK_EVENTS);
    } else {
        drop_count[src_i]++;
        wake_from_isr(TASK_EVENTS); /* a loss to report */
    }
}

/* ISR context: one pin changed to `level` at ts. sense_forced: the interrupt fires on one
 * direction only, so the level is known from the mode (the pin may have moved on since).
 * Inlined into the shared handler: a call from an ISR costs ~50 cycles of register saving. */
static inline __attribute__((always_inline)) void edge_seen(uint8_t src_i, __uint24 ts, uint8_t pin, uint8_t level, uint8_t sense_forced)
{
    uint8_t st = state[pin], edges = st & ST_EDGES;
    if (st & ST_WATCHED)
        wake_from_isr(watch_wake);
    if (sense_forced)
        level = edges == EDGE_RISING;
    if (window[pin]) {
        if (st & ST_LOCKED) {
            state[pin] = st | ST_PENDING;
            return;
        }
        taken_at[pin] = (uint8_t)((uint16_t)ts >> 8); /* 16-bit: a byte move, not a 24-bit shift */
        state[pin] = (uint8_t)((level ? (st | ST_LEVEL) : (st & ~ST_LEVEL)) | ST_LOCKED);
        wake_from_isr(TASK_DEBOUNCE); /* to time the window */
    }
    if (edges & (uint8_t)(2 - level)) /* EDGE_RISING for a high level, EDGE_FALLING for a low */
        push(src_i, ts, pin, level);
}

/* The one handler behind every edge stub (edge_isr.h). An INT is handled as a group of one
 * pin, so edge_seen is inlined once. For a pin-change group, the changed pins are found by
 * comparing the group's input byte with the one seen last time. */
void edge_isr_common(void) __asm__("__vector_edge_common") __attribute__((signal, used, externally_visible));
void edge_isr_common(void)
{
    uint8_t src = edge_src, src_i, changed, now, forced = 0;
    __uint24 ts = clock_stamp24(edge_tcnt);
    const uint8_t *pins;
    if (src < N_INT) {
        src_i = SRCI_INT(src);
        uint8_t bit = (uint8_t)(1 << src);
        now = (INT_LEVELS() & bit) != 0;
        changed = 1;
        pins = &int_pin[src];
        forced = int_sense_forced & bit;
    } else {
        uint8_t g = (uint8_t)(src - N_INT);
        src_i = SRCI_PCINT(g);
        now = g == 0 ? PCINT_READ0() : g == 1 ? PCINT_READ1() : PCINT_READ2();
        changed = (uint8_t)((now ^ pcint_last[g]) & (&PCMSK0)[g]);
        pcint_last[g] = now;
        pins = pcint_pin[g];
        if (!(changed & 0x0F)) { /* skip an idle low nibble in one step */
            changed >>= 4;
            now >>= 4;
            pins += 4;
        }
    }
    for (; changed; changed >>= 1, now >>= 1, pins++)
        if (changed & 1)
            edge_seen(src_i, ts, pgm_read_byte(pins), now & 1, forced);
}

/* The pin's irq byte, read from flash alone (no copy of the whole entry). */
static uint8_t irq_of(uint8_t pin) { return pgm_read_byte(&pin_table[pin].irq); }

/* The drop source that serves a pin's edges. (Through irq_of it measured 38 B larger: LTO
 * then inlined differently into task_debounce.) */
static uint8_t src_of(uint8_t pin)
{
    struct pin_desc d;
    pin_desc_get(pin, &d);
    return IRQ_IS_INT(d.irq) ? SRCI_INT(IRQ_INT_N(d.irq)) : SRCI_PCINT(IRQ_PC_GROUP(d.irq));
}

uint8_t pin_level(uint8_t pin)
{
    const struct pin_desc *d = &pin_table[pin]; /* two fields read from flash, no copy */
    return (*(volatile uint8_t *)pgm_read_word(&d->pinreg) & pgm_read_byte(&d->mask)) != 0;
}

/* Turns the pin's interrupt on (with the sense its state needs) or off. Interrupts are off.
 * An INT senses one direction only when a single direction is armed, with no debounce and no
 * watcher (sense 2 = falling, 3 = rising, i.e. 4 - edges); otherwise any change (sense 1). */
static __attribute__((noinline)) void apply_irq(uint8_t pin, uint8_t irq)
{
    uint8_t st = state[pin], edges = st & ST_EDGES, watched = st & ST_WATCHED, on = st & (ST_EDGES | ST_WATCHED);
    uint8_t n = irq & 7, bit = (uint8_t)(1 << n); /* INTn, or the pin's bit in its PCMSK */
    if (IRQ_IS_INT(irq)) {
        uint8_t shift = EICR_SHIFT(n);
        uint8_t single = !window[pin] && !watched && (edges == EDGE_RISING || edges == EDGE_FALLING);
        reg_bits(&EICR_FOR(n), (uint8_t)(3 << shift), 0);
        EICR_FOR(n) |= (uint8_t)((single ? 4 - edges : 1) << shift);
        reg_bits(&int_sense_forced, bit, single);
        EIFR = bit; /* a flag set by the old sense must not fire now */
        reg_bits(&EIMSK, bit, on);
    } else {
        uint8_t g = IRQ_PC_GROUP(irq);
        /* take the pin's current level as the reference, leave the other bits alone */
        reg_bits(&pcint_last[g], bit, pin_level(pin));
        reg_bits(&(&PCMSK0)[g], bit, on);
        reg_bits(&PCICR, (uint8_t)(1 << g), (&PCMSK0)[g]);
    }
}

/* Debounce ticks -> overflow periods: rounded up, +1 because the window is counted from the
 * period the change fell in, capped at 255. In 8-bit pieces: (ticks + 255) / 256 would
 * overflow the AVR's 16-bit int for ticks above 65,280. */
static uint8_t window_periods(uint16_t ticks)
{
    if (!ticks)
        return 0;
    uint8_t p = (uint8_t)(ticks >> 8);
    if ((uint8_t)ticks)
        p++; /* 0xFF + 1 wraps to 0: the cap below */
    return p >= 254 || p == 0 ? 255 : (uint8_t)(p + 1);
}

uint8_t edges_arm(uint8_t pin, uint8_t edges, uint16_t debounce_ticks)
{
    uint8_t irq = irq_of(pin);
    if (irq == IRQ_NONE)
        return NAK_NOT_CAPABLE;
    CRITICAL {
        window[pin] = window_periods(debounce_ticks);
        state[pin] = (uint8_t)(edges | pin_level(pin) << 2 /* ST_LEVEL */ | (state[pin] & ST_WATCHED));
        apply_irq(pin, irq);
    }
    return 0;
}

uint8_t edge_watch(uint8_t pin, uint8_t task_bits)
{
    if (pin >= N_PINS)
        return NAK_BAD_PIN;
    uint8_t irq = irq_of(pin);
    if (irq == IRQ_NONE)
        return NAK_NOT_CAPABLE;
    CRITICAL {
        watch_wake |= task_bits;
        state[pin] |= ST_WATCHED;
        apply_irq(pin, irq);
    }
    return 0;
}

/* Closes the lockout windows that have run out and takes the change a bounce held back if the
 * pin settled at the other level. Runs once a period (timeout slot) while a window is open. */
void task_debounce(void)
{
    uint8_t open = 0;
    for (uint8_t pin = 0; pin < N_PINS; pin++) {
        if (!(state[pin] & ST_LOCKED))
            continue;
        CRITICAL {
            __uint24 now = clock_stamp24(TCNT0);
            uint8_t period = (uint8_t)(now >> 8), st = state[pin];
            if ((uint8_t)(period - taken_at[pin]) >= window[pin]) {
                uint8_t level = pin_level(pin);
                st &= (uint8_t)~(ST_LOCKED | ST_PENDING);
                if (((st >> 2) ^ level) & 1) { /* settled at the other level (ST_LEVEL = bit 2): take it now */
                    taken_at[pin] = period;
                    st ^= ST_LEVEL | ST_LOCKED;
                    if (st & (uint8_t)(2 - level)) /* EDGE_RISING for a high level, EDGE_FALLING for a low */
                        push(src_of(pin), now, pin, level);
                }
                state[pin] = st;
            }
            open |= st & ST_LOCKED;
        }
    }
    if (open)
        timeout_after(TIMEOUT_DEBOUNCE, 1, TASK_DEBOUNCE);
    else
        timeout_cancel(TIMEOUT_DEBOUNCE); /* stop the once-a-period wakes */
}
