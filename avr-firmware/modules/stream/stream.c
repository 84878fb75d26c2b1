/* The stream module (module.h): STREAM starts or stops board-timed sampling; the ADC ISR fills
 * a ring; TASK_STREAM sends it as SAMPLES frames.
 *
 * Why Timer1's compare match B as the trigger: Timer0 is the clock (fast PWM, TOP fixed at
 * 0xFF), so its overflow or compare match could only sample every 1.024 ms. Timer1 in CTC mode
 * (TOP = OCR1A) takes any interval from STREAM_MIN_TICKS to 65,536 ticks of 4 us, and of the
 * ADC's auto-trigger sources only compare match B and overflow of Timer1 work with a free TOP
 * (overflow does not fire in CTC mode). Timer1 runs from the prescaler Timer0 uses, so TCNT1
 * counts the same 4 us ticks: the ISR takes the clock and subtracts the ticks since the trigger
 * (TCNT1), which stamps each sample with the tick of its trigger, free of the ISR's latency.
 * Timer1 is the pwm module's for D9/D10 (Mega D11/D12): a STREAM is NAKed busy while PWM runs
 * there, and stopping restores Timer1 as it was. */
#include <avr/interrupt.h>
#include <avr/io.h>
#include "analog/adc.h"
#include "answers.h"
#include "clock.h"
#include "command.h"
#include "critical.h"
#include "executor.h"
#include "frame_writer.h"
#include "modules.h"
#include "pins.h"
#include "protocol.h"
#include "uart.h"

/* 13.5 ADC clocks of 8 us (the /128 prescaler) after a trigger that waits up to one ADC clock,
 * then the ISR's latency behind an edge or UART ISR: 160 us leaves ~40 us for that. A trigger
 * while a conversion runs is lost, so a shorter interval would drop samples silently. */
#define STREAM_MIN_TICKS 40
#define RING 32 /* records, a power of two */
#define MIN_BATCH 8

struct sample {
    uint16_t word; /* value (bits 0..9) | channel << 10 */
    uint16_t ts;   /* the trigger's tick, low 16 bits */
};

static struct sample ring[RING];
static volatile uint8_t head, tail;
static volatile uint16_t lost;      /* samples dropped since the last LOST marker */
static uint16_t mask;              /* channels sampled, bit n = channel n */
static uint8_t chan;               /* the channel the running conversion samples */
static uint32_t last_ts;           /* the 32-bit tick of the last sample sent (deltas) */
static uint8_t saved_tccr1a, saved_tccr1b;

/* The next channel of the round-robin after c. */
static uint8_t next_channel(uint8_t c)
{
    do
        c = (uint8_t)((c + 1) & (N_ADC_CHANNELS - 1));
    while (!(mask >> c & 1));
    return c;
}

static void select_channel(uint8_t c)
{
    ADMUX = 1 << REFS0 | (c & 7);
#ifdef MUX5
    ADCSRB = (uint8_t)((ADCSRB & ~(1 << MUX5)) | (c & 8 ? 1 << MUX5 : 0));
#endif
}

/* Jumped to from adc_isr.S (ADC_vect) with every register as the interrupt found it. */
void __vector_stream_adc(void) __attribute__((signal, used, externally_visible));
void __vector_stream_adc(void)
{
    uint8_t t0 = TCNT0;
    uint16_t since = TCNT1; /* ticks since the trigger (TOP's match), read right after TCNT0 */
    uint8_t tov = TIFR0 & (1 << TOV0);
    uint16_t now = (uint16_t)((uint8_t)clock_hi << 8 | t0);
    if (tov && t0 < 128)
        now += 256; /* Timer0 wrapped before its overflow ISR ran (clock.h) */
    uint16_t value = ADC;
    uint8_t h = head;
    if (lost || (uint8_t)(h - tail) >= RING) {
        if (lost != 0xFFFF)
            lost++;
    } else {
        struct sample *s = &ring[h & (RING - 1)];
        s->word = (uint16_t)(value | (uint16_t)chan << 10);
        s->ts = (uint16_t)(now - since - 1);
        head = (uint8_t)(h + 1);
    }
    chan = next_channel(chan);
    select_channel(chan); /* before the flag is cleared: the next conversion takes it */
    TIFR1 = 1 << OCF1B;   /* the ADC starts on the flag's rising edge */
    wake_from_isr(TASK_STREAM);
}

static void stop(void)
{
    ADCSRA = 0;
    TCCR1B = 0;
    TCCR1A = saved_tccr1a;
    TCCR1B = saved_tccr1b;
    adc_state = 0;
    mask = 0;
}

static uint8_t ack(uint8_t req)
{
    tx_commit(answer_ack(&tx, req)); /* dispatch checked the room */
    return 0;
}

/* STREAM: mask u16 (pin, arg), interval u16 (debounce). NAKs bad_argument (detail: offset 1 for
 * a channel the MCU lacks, 3 for an interval below STREAM_MIN_TICKS) or busy (detail 0: an
 * ANALOG_READ runs, or PWM on Timer1's pins). */
uint8_t stream_command(const struct command *c, uint8_t *detail)
{
    uint16_t m = (uint16_t)(c->pin | (uint16_t)c->arg << 8);
    uint16_t interval = c->debounce;
    if (!m) {
        if (mask)
            CRITICAL { stop(); }
        return ack(c->req);
    }
    *detail = 1;
    if (N_ADC_CHANNELS < 16 && (m >> N_ADC_CHANNELS))
        return NAK_BAD_ARGUMENT;
    *detail = 3;
    if (interval < STREAM_MIN_TICKS)
        return NAK_BAD_ARGUMENT;
    *detail = 0;
    if (!mask && (adc_state || (TCCR1A & 0xFC))) /* COM1A/B/C: PWM on Timer1's pins */
        return NAK_BUSY;
    CRITICAL {
        if (mask)
            stop();
        saved_tccr1a = TCCR1A;
        saved_tccr1b = TCCR1B;
        mask = m;
        adc_state = ADC_STREAMING; /* ANALOG_READ is NAKed busy meanwhile */
        chan = next_channel(N_ADC_CHANNELS - 1);
        select_channel(chan);
        last_ts = clock_now();
        TCCR1B = 0;
        TCCR1A = 0;
        TCNT1 = 0;
        OCR1A = interval - 1; /* CTC: TOP = interval - 1, one match B per interval */
        OCR1B = interval - 1;
        TIFR1 = 1 << OCF1B;
        ADCSRB = (uint8_t)((ADCSRB & ~7) | 5); /* auto-trigger: Timer1 compare match B */
        ADCSRA = 1 << ADEN | 1 << ADATE | 1 << ADIE | 1 << ADIF | 1 << ADPS2 | 1 << ADPS1 | 1 << ADPS0;
        TCCR1B = 1 << WGM12 | 1 << CS11 | 1 << CS10; /* CTC, clk/64 */
    }
    return ack(c->req);
}

/* SAMPLES frames: base_ts u32, then per sample its word u16 and the delta LEB128 from the one
 * before (the first: from base_ts, 0), and a LOST marker (0x8000 | count u16 word) where the
 * ring was full. One frame a run (the watchdog, as TASK_EVENTS). */
void task_stream(void)
{
    uint16_t l = lost; /* first: once it is set the ISR adds no record, so the count below is all */
    uint8_t n = (uint8_t)(head - tail), room = tx_free();
    if ((!n && !l) || room < MAX_WIRE || tx_started())
        return;
    if (room != TX_SIZE && n < MIN_BATCH && !l)
        return; /* the UART is busy: wait for company (the UDRE ISR wakes us when it drains) */
    struct frame_writer w;
    frame_begin(&w, &tx, ANS_SAMPLES);
    uint8_t t = tail, used = 4;
    uint32_t ts = last_ts;
    if (n) {
        ts += (uint16_t)(ring[t & (RING - 1)].ts - (uint16_t)ts);
    }
    frame_put_bytes(&w, &ts, 4);
    uint32_t prev = ts;
    for (; n && used <= MAX_PAYLOAD - 7; n--, t++) {
        struct sample *s = &ring[t & (RING - 1)];
        uint32_t at = prev + (uint16_t)(s->ts - (uint16_t)prev);
        uint8_t leb[4], k = leb128_encode(leb, (leb_value)(at - prev));
        frame_put_bytes(&w, &s->word, 2);
        frame_put_bytes(&w, leb, k);
        used = (uint8_t)(used + 2 + k);
        prev = at;
    }
    tail = t;
    last_ts = prev;
    if (!n && l) { /* every sample before the loss is out: the marker goes here */
        uint16_t marker;
        CRITICAL {
            marker = lost > 0x7FFF ? 0x7FFF : lost;
            lost -= marker; /* any rest goes in the next marker */
            marker |= 0x8000;
        }
        frame_put_bytes(&w, &marker, 2);
    }
    tx_commit(frame_end(&w));
    wake(TASK_STREAM);
}
