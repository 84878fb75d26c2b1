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
/* Also read and written by the edge ISR (edge_isr.S), hence not static. Indexed by the pin's
 * slot (EDGE_SLOT, pins_*.h: the pin on the 328P, one of 24 on the Mega). */
struct pin_edges pin_edges;
uint8_t int_sense_forced; /* bit n: INTn senses one direction, its level is implied */
uint8_t pcint_last[N_PCINT_GROUPS]; /* each pin-change group's input byte at its last interrupt */
uint8_t watch_wake; /* task bits woken by a change of any watched pin */

/* The pin's irq byte, read from flash alone (no copy of the whole entry). */
static uint8_t irq_of(uint8_t pin) { return pgm_read_byte(&pin_table[pin].irq); }

/* The drop source that serves a pin's edges. */
static uint8_t src_of(uint8_t pin)
{
    uint8_t irq = irq_of(pin);
    return IRQ_IS_INT(irq) ? SRCI_INT(IRQ_INT_N(irq)) : SRCI_PCINT(IRQ_PC_GROUP(irq));
}

uint8_t pin_level(uint8_t pin)
{
    const struct pin_desc *d = &pin_table[pin]; /* two fields read from flash, no copy */
    return (*(volatile uint8_t *)PINREG(pgm_read_byte(&d->pinreg)) & pgm_read_byte(&d->mask)) != 0;
}

/* Turns the pin's interrupt on (with the sense its state needs) or off. Interrupts are off.
 * An INT senses one direction only when a single direction is armed, with no debounce and no
 * watcher (sense 2 = falling, 3 = rising, i.e. 4 - edges); otherwise any change (sense 1). */
static __attribute__((noinline)) void apply_irq(uint8_t pin, uint8_t irq)
{
    uint8_t s = EDGE_SLOT(pin, irq);
    uint8_t st = pin_edges.state[s], edges = st & ST_EDGES, on = st & (ST_EDGES | ST_WATCHED);
    uint8_t n = irq & 7, bit = 1; /* INTn, or the pin's bit in its PCMSK */
    for (uint8_t i = n; i; i--)
        bit <<= 1; /* a loop, not a variable shift: avr-gcc makes a 16-bit one of those */
    if (IRQ_IS_INT(irq)) {
        uint8_t sense = 1, field = 3; /* the INT's two sense bits in its EICR */
        if (!pin_edges.window[s] && !(st & ST_WATCHED) && (edges == EDGE_RISING || edges == EDGE_FALLING))
            sense = (uint8_t)(4 - edges);
        reg_bits(&int_sense_forced, bit, sense != 1);
        for (uint8_t i = EICR_SHIFT(n); i; i -= 2) {
            sense <<= 2;
            field <<= 2;
        }
        EICR_FOR(n) = (uint8_t)((EICR_FOR(n) & ~field) | sense);
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
    uint8_t s = EDGE_SLOT(pin, irq);
    CRITICAL {
        pin_edges.window[s] = window_periods(debounce_ticks);
        pin_edges.state[s] = (uint8_t)(edges | pin_level(pin) << 2 /* ST_LEVEL */ | (pin_edges.state[s] & ST_WATCHED));
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
        pin_edges.state[EDGE_SLOT(pin, irq)] |= ST_WATCHED;
        apply_irq(pin, irq);
    }
    return 0;
}

/* Closes the lockout windows that have run out and takes the change a bounce held back if the
 * pin settled at the other level. Runs once a period (timeout slot) while a window is open. */
void task_debounce(void)
{
    uint8_t open = 0;
    for (uint8_t s = 0; s < N_EDGE_SLOTS; s++) {
        if (!(pin_edges.state[s] & ST_LOCKED))
            continue;
        uint8_t pin = SLOT_PIN(s);
        CRITICAL {
            uint32_t now = clock_now(); /* inside: a record must not be older than one an ISR pushed before it */
            uint8_t period = (uint8_t)(now >> 8), st = pin_edges.state[s];
            if ((uint8_t)(period - pin_edges.taken_at[s]) >= pin_edges.window[s]) {
                uint8_t level = pin_level(pin);
                st &= (uint8_t)~(ST_LOCKED | ST_PENDING);
                if (((st >> 2) ^ level) & 1) { /* settled at the other level (ST_LEVEL = bit 2): take it now */
                    pin_edges.taken_at[s] = period;
                    st ^= ST_LEVEL | ST_LOCKED;
                    if (st & (uint8_t)(2 - level)) /* EDGE_RISING for a high level, EDGE_FALLING for a low */
                        edge_push(now, (uint8_t)(level << 7 | pin), src_of(pin));
                }
                pin_edges.state[s] = st;
            }
            open |= st & ST_LOCKED;
        }
    }
    if (open)
        timeout_after(TIMEOUT_DEBOUNCE, 1, TASK_DEBOUNCE);
    else
        timeout_cancel(TIMEOUT_DEBOUNCE); /* stop the once-a-period wakes */
}
