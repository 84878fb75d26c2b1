/* The stream module on the real firmware ELF in simavr, with it and without it.
 *
 *   sim_stream <elf> <mcu> with|without [loss]
 *
 * Puts 2.5 V on A0 and 1.0 V on A1, sends HELLO, STREAM A0+A1 every 250 ticks (1 ms), then
 * after 100 ms STREAM stop, ANALOG_READ A0 and PING, and checks with the firmware's own frame
 * reader:
 * - with the module: HELLO announces CAP_STREAM; STREAM is ACKed; SAMPLES frames carry samples
 *   alternating A0, A1 with 512 +- 3 and 205 +- 3, every board timestamp 250 ticks after the one
 *   before within one tick (the trigger's tick: the clock minus Timer1's count since the compare
 *   match, so the ISR's latency drops out; simavr runs each timer's prescaler from the moment it
 *   was started, not one shared prescaler as the hardware does, hence +-1 tick here), 100 +- 2 of
 *   them, in sequence (no seq gap), no LOST marker; at most one frame (the ring's rest) after the
 *   stop's ACK, none later; ANALOG_READ works
 *   again afterwards; an interval of 39 ticks and a channel the MCU lacks are NAKed bad_argument.
 * - without it (the core + analog): no CAP_STREAM, STREAM NAKed unknown_command 0x8C.
 * - `loss`: at 40 ticks (6,250 samples/s) on two channels over a 115,200-baud build the line
 *   cannot keep up: the ring fills, and received + LOST counts = samples taken (by the time
 *   streamed / 40 ticks, within 1), every timestamp still on the 40-tick grid.
 * Simulated cycles only. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <simavr/avr_adc.h>

#include "protocol.h"
#include "sim_harness.h"

static int with, loss_run;
static unsigned interval = 250;
static long samples, lost_count, grid_errors, off_grid, value_errors, after_stop, markers;
static int have_prev, seq_prev = -1, seq_gaps, stopped;
static uint32_t prev_ts, first_ts, last_ts;
static int expect_chan;



static void on_sample_lost(uint32_t n)
{
    lost_count += n;
    markers++;
}

static void on_sample(unsigned ch, unsigned value, uint32_t ts)
{
    if (!samples)
        first_ts = ts, expect_chan = ch;
    if (have_prev) { /* a whole number of intervals (one without loss), within one tick */
        uint32_t d = ts - prev_ts, k = (d + interval / 2) / interval;
        long off = (long)d - (long)(k * interval);
        if (off != 0)
            off_grid++;
        if (labs(off) > 1 || k == 0 || (!loss_run && k != 1))
            grid_errors++;
    }
    unsigned want = ch == 0 ? 512 : 205;
    if (value + 3 < want || value > want + 3 || (!loss_run && ch != (unsigned)expect_chan))
        value_errors++;
    expect_chan = !ch;
    prev_ts = last_ts = ts;
    have_prev = 1;
    samples++;
}

static void on_samples(const uint8_t *b, int len)
{
    if (stopped)
        after_stop++;
    sim_samples(b, len, on_sample, on_sample_lost);
}

static void on_answer(int req, uint8_t type, const uint8_t *p, int n)
{
    (void)n;
    switch (req) {
    case 1: {
        unsigned caps = sim_check_hello(type, p, n);
        SIM_CHECK(!(caps & CAP_STREAM) == !with, "HELLO capabilities 0x%04x %s CAP_STREAM", caps, with ? "lack" : "announce");
        break;
    }
    case 2:
        if (with)
            SIM_CHECK(type == ANS_ACK, "STREAM answered with type 0x%02x code %u detail %u", type, p[0], p[1]);
        else
            SIM_CHECK(type == ANS_NAK && p[0] == NAK_UNKNOWN_COMMAND && p[1] == CMD_STREAM,
                      "STREAM without the module: type 0x%02x code %u detail 0x%02x", type, p[0], p[1]);
        break;
    case 3:
        SIM_CHECK(type == (with ? ANS_ACK : ANS_NAK), "STREAM stop answered with type 0x%02x", type);
        stopped = 1;
        break;
    case 4:
        SIM_CHECK(type == ANS_ANALOG && (p[1] | p[2] << 8) >= 509 && (p[1] | p[2] << 8) <= 515,
                  "ANALOG_READ after the stream: type 0x%02x value %u", type, p[1] | p[2] << 8);
        break;
    case 5:
        if (with)
            SIM_CHECK(type == ANS_NAK && p[0] == NAK_BAD_ARGUMENT && p[1] == 3, "STREAM at 39 ticks: type 0x%02x code %u detail %u",
                      type, p[0], p[1]);
        break;
    case 6:
        if (with)
            SIM_CHECK(type == ANS_NAK && p[0] == NAK_BAD_ARGUMENT && p[1] == 1, "STREAM of a missing channel: type 0x%02x code %u detail %u",
                      type, p[0], p[1]);
        break;
    case 7: SIM_CHECK(type == ANS_PONG, "PING answered with type 0x%02x", type); break;
    }
}

static void on_frame(const uint8_t *b, int len)
{
    int seq = b[1];
    if (seq_prev >= 0 && seq != ((seq_prev + 1) & 0xFF) && !(b[0] == ANS_HELLO))
        seq_gaps++;
    seq_prev = seq;
    if (b[0] == ANS_SAMPLES)
        on_samples(b, len);
    else
        sim_request_frame(b, len);
}

static void stream_cmd(uint8_t req, unsigned mask, unsigned ticks)
{
    sim_send(CMD_STREAM, (const uint8_t[]){req, mask & 0xFF, mask >> 8, ticks & 0xFF, ticks >> 8}, 5);
}

int main(int argc, char **argv)
{
    loss_run = argc == 5 && !strcmp(argv[4], "loss");
    if (loss_run)
        argc = 4;
    if ((with = sim_with_module(argc, argv)) < 0)
        return 2;
    sim_init("sim_stream");
    avr_t *avr = sim_load(argv[1], argv[2], 5000);
    if (!avr)
        return 2;
    sim_by_request(7, on_answer);
    sim_uart(on_frame, NULL);
    avr_raise_irq(avr_io_getirq(avr, AVR_IOCTL_ADC_GETIRQ, ADC_IRQ_ADC0), 2500);
    avr_raise_irq(avr_io_getirq(avr, AVR_IOCTL_ADC_GETIRQ, ADC_IRQ_ADC1), 1000);
    if (loss_run)
        interval = 40;
    long ms = SIM_CYCLES_MS;
    if (sim_run_until(5 * ms))
        return 1;
    sim_send(CMD_HELLO, (const uint8_t[]){1}, 1);
    if (sim_run_until(8 * ms))
        return 1;
    stream_cmd(2, 3, interval);
    if (sim_run_until(108 * ms))
        return 1;
    stream_cmd(3, 0, 0);
    if (sim_run_until(130 * ms))
        return 1;
    long taken_by_time = have_prev ? (long)(last_ts - first_ts) / interval + 1 : 0;
    sim_send(CMD_ANALOG_READ, (const uint8_t[]){4, 0}, 2);
    if (sim_run_until(135 * ms))
        return 1;
    stream_cmd(5, 1, 39);
    if (sim_run_until(140 * ms))
        return 1;
    if (strcmp(argv[2], "atmega2560")) /* the 2560 has 16 channels: none is missing */
        stream_cmd(6, 0x100, 250);
    else
        sim_answers[6] = 1;
    if (sim_run_until(145 * ms))
        return 1;
    sim_send(CMD_PING, (const uint8_t[]){7, 1}, 2);
    if (sim_run_until(150 * ms))
        return 1;
    sim_check_answered_once();
    SIM_CHECK(seq_gaps == 0, "%d seq gaps", seq_gaps);
    if (with) {
        SIM_CHECK(grid_errors == 0, "%ld timestamps off the %u-tick grid", grid_errors, interval);
        SIM_CHECK(value_errors == 0, "%ld samples with a wrong value or channel order", value_errors);
        SIM_CHECK(after_stop <= 2, "%ld SAMPLES frames after the stop's ACK (the ring's rest and its LOST marker: at most two)", after_stop);
        if (!loss_run) {
            SIM_CHECK(samples >= 98 && samples <= 102, "%ld samples in 100 ms at 1 ms (want 100 +- 2)", samples);
            SIM_CHECK(lost_count == 0 && markers == 0, "%ld lost in %ld markers", lost_count, markers);
        } else {
            SIM_CHECK(lost_count > 0, "no loss at 6,250 samples/s on this line");
            SIM_CHECK(labs(samples + lost_count - taken_by_time) <= 1, "received %ld + lost %ld != taken %ld",
                      samples, lost_count, taken_by_time);
        }
    } else {
        SIM_CHECK(samples == 0, "%ld samples without the module", samples);
    }
    printf("sim_stream %s %s the stream module%s: %ld samples, %ld lost (%ld markers), every %u ticks, %ld one tick off -> %s\n",
           argv[2], with ? "with" : "without", loss_run ? " (overload)" : "", samples, lost_count, markers, interval, off_grid,
           sim_failures ? "FAIL" : "PASS");
    return sim_failures ? 1 : 0;
}
