/* The servo module on the real firmware ELF in simavr, with it and without it; with it, also the
 * pulse-error benchmark.
 *
 *   sim_servo <elf> <mcu> with|without
 *
 * With the module (Uno: hardware D9, interrupt-driven D7 and A2, load on D2; Mega: D11, D22,
 * D24, load on D2; the interrupt-driven pins are off the Timer1 pin's port, since simavr lets a
 * write to that port end a compare-output pulse early, which the chip does not):
 * - HELLO announces CAP_SERVO; SERVO on the Timer1 pin (1,500 us) and on two other pins
 *   (1,000 us, 1,600 us: on Timer0's 4-us grid, which the host rounds to) are ACKed and Timer1 runs the 20-ms frame (WGM 14, clk/8, ICR1);
 * - PWM_WRITE on the other Timer1 pin and on OC0B (Uno D5, Mega D4: Timer0's) are NAKed busy with the pin;
 *   a pulse of 2,501 us is NAKed bad_argument (detail 3), a serial pin bad_pin;
 * - while D2 toggles every 50 us (20,000 edges/s, armed: EVENTS frames keep the UART busy),
 *   every pulse on the three pins is measured from their pin changes in simulated cycles: the
 *   hardware one exactly, the others within one Timer0 tick (64 cycles, 4 us) of the request,
 *   and each pin's frame 20 ms (within 8 cycles; two Timer0 ticks for the interrupt-driven ones);
 * - then SERVO detach on the Timer1 pin gives Timer1 back to the pwm module (TCCR1B 0x0B), a
 *   PWM_WRITE on the other Timer1 pin is ACKed, a SERVO there is NAKed busy (PWM runs), a
 *   DIGITAL_WRITE on D7 detaches its servo: no pulse on D7 or the Timer1 pin afterwards.
 * Prints `METRIC servo_pulse_error_us_max <v> us` (the largest |measured - requested|).
 * Without it: no CAP_SERVO, SERVO NAKed unknown_command with the type as detail.
 * Simulated cycles only; no wall-clock timing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "protocol.h"
#include "sim_harness.h"

#define TCCR1A_ 0x80
#define TCCR1B_ 0x81
#define ICR1L_ 0x86
#define ICR1H_ 0x87

static int with, mega, have_pwm; /* have_pwm: HELLO's CAP_PWM (the pwm module built in too) */
static avr_t *avr;
static uint8_t hw_pin, hw_other, oc0b_pin, sw_a, sw_b;
static long edges;

/* One measured pin: its request in cycles, rises and falls. */
struct meter {
    const char *name;
    long want, tol;     /* pulse width wanted, tolerance in cycles */
    avr_cycle_count_t rise, last_rise;
    long pulses, max_err, min_period, max_period;
    int on;             /* measuring */
};
static struct meter m_hw = {.name = "hw", .want = 3000 * 8, .tol = 8}, m_a = {.name = "swA", .want = 2000 * 8, .tol = 64},
                    m_b = {.name = "swB", .want = 3200 * 8, .tol = 64};
static long worst_cycles;

static void on_change(avr_irq_t *irq, uint32_t value, void *param)
{
    (void)irq;
    struct meter *m = param;
    avr_cycle_count_t now = avr->cycle;
    if (getenv("SIM_SERVO_TRACE") && m->on && !strcmp(getenv("SIM_SERVO_TRACE"), m->name))
        printf("%s %u @%llu\n", m->name, value, (unsigned long long)now);
    if (value) {
        if (m->on && m->last_rise) {
            long p = (long)(now - m->last_rise);
            if (!m->min_period || p < m->min_period)
                m->min_period = p;
            if (p > m->max_period)
                m->max_period = p;
        }
        m->rise = m->last_rise = now;
        return;
    }
    if (!m->on || !m->rise)
        return;
    long w = (long)(now - m->rise), err = labs(w - m->want);
    m->pulses++;
    if (err > m->max_err)
        m->max_err = err;
    if (err > worst_cycles)
        worst_cycles = err;
    m->rise = 0;
}

static void on_answer(int req, uint8_t type, const uint8_t *p, int n)
{
    int nak = type == ANS_NAK;
    if (!with) {
        if (req == 1)
            SIM_CHECK(!(sim_check_hello(type, p, n) & CAP_SERVO), "HELLO announces CAP_SERVO without the module");
        else if (req == 2)
            SIM_CHECK(nak && p[0] == NAK_UNKNOWN_COMMAND && p[1] == CMD_SERVO,
                      "SERVO without the module: type 0x%02x (want NAK unknown_command 0x8E)", type);
        return;
    }
    switch (req) {
    case 1: {
        unsigned caps = sim_check_hello(type, p, n);
        SIM_CHECK(caps & CAP_SERVO, "HELLO lacks CAP_SERVO");
        have_pwm = !!(caps & CAP_PWM);
        break;
    }
    case 2:
        SIM_CHECK(type == ANS_ACK, "SERVO D%u 1500us: type 0x%02x code %u", hw_pin, type, n ? p[0] : 0);
        SIM_CHECK(avr->data[TCCR1B_] == 0x1A && (avr->data[ICR1L_] | avr->data[ICR1H_] << 8) == 39999,
                  "Timer1 after SERVO: TCCR1B 0x%02x ICR1 %u (want 0x1A, 39999: WGM 14, clk/8, 20 ms)",
                  avr->data[TCCR1B_], avr->data[ICR1L_] | avr->data[ICR1H_] << 8);
        break;
    case 3:
    case 4: SIM_CHECK(type == ANS_ACK, "SERVO request %d: type 0x%02x code %u", req, type, n ? p[0] : 0); break;
    case 5:
        if (!have_pwm)
            goto no_pwm;
        SIM_CHECK(nak && p[0] == NAK_BUSY && p[1] == hw_other, "PWM_WRITE D%u with Timer1 a servo's: type 0x%02x code %u detail %u (want NAK busy)",
                  hw_other, type, p[0], p[1]);
        break;
    case 6:
        if (!have_pwm)
            goto no_pwm;
        SIM_CHECK(nak && p[0] == NAK_BUSY && p[1] == oc0b_pin, "PWM_WRITE D%u (OC0B) with servos on the interrupt: type 0x%02x code %u detail %u",
                  oc0b_pin, type, p[0], p[1]);
        break;
    case 7: SIM_CHECK(nak && p[0] == NAK_BAD_ARGUMENT && p[1] == 3, "SERVO 2501us: type 0x%02x code %u detail %u", type, p[0], p[1]); break;
    case 8: SIM_CHECK(nak && p[0] == NAK_BAD_PIN && p[1] == 1, "SERVO D1: type 0x%02x code %u detail %u", type, p[0], p[1]); break;
    case 9: SIM_CHECK(type == ANS_ACK, "ARM D2: type 0x%02x", type); break;
    case 10:
        SIM_CHECK(type == ANS_ACK && avr->data[TCCR1B_] == (have_pwm ? 0x0B : 0) && !(avr->data[TCCR1A_] & 0xF0),
                  "SERVO detach D%u: type 0x%02x, TCCR1A 0x%02x TCCR1B 0x%02x (want ACK, Timer1 the pwm module's again, 0x0B, or stopped)",
                  hw_pin, type, avr->data[TCCR1A_], avr->data[TCCR1B_]);
        break;
    case 11:
        if (!have_pwm)
            goto no_pwm;
        SIM_CHECK(type == ANS_ACK, "PWM_WRITE D%u after the detach: type 0x%02x", hw_other, type);
        break;
    case 12:
        if (!have_pwm) { /* no PWM to refuse it: attached again, then detached by request 13's turn below */
            SIM_CHECK(type == ANS_ACK, "SERVO D%u again: type 0x%02x", hw_pin, type);
            break;
        }
        SIM_CHECK(nak && p[0] == NAK_BUSY && p[1] == hw_pin, "SERVO D%u while D%u runs PWM: type 0x%02x code %u", hw_pin, hw_other, type, p[0]);
        break;
    case 13: SIM_CHECK(type == ANS_ACK, "DIGITAL_WRITE D%u 0: type 0x%02x", sw_a, type); break;
    case 14: SIM_CHECK(type == ANS_PONG, "PING: type 0x%02x", type); break;
    no_pwm:
        SIM_CHECK(nak && p[0] == NAK_UNKNOWN_COMMAND, "PWM_WRITE without the pwm module: type 0x%02x code %u", type, p[0]);
        break;
    }
}

static void on_edge(int pin, int level, uint32_t tick) { (void)pin, (void)level, (void)tick; edges++; }
static void on_lost(uint32_t n) { (void)n; }
static void on_frame(const uint8_t *b, int len)
{
    if (b[0] == ANS_EVENTS)
        sim_events(b, len, on_edge, on_lost);
    else
        sim_request_frame(b, len);
}

/* The load: D2 toggled every 800 cycles. */
static char load_port;
static int load_bit, load_level;
static avr_cycle_count_t toggle(avr_t *a, avr_cycle_count_t when, void *param)
{
    (void)a, (void)param;
    sim_drive_pin(load_port, load_bit, load_level ^= 1);
    return when + 800;
}

static void meter_on(struct meter *m, int on)
{
    m->on = on;
    m->rise = 0;
}

int main(int argc, char **argv)
{
    if ((with = sim_with_module(argc, argv)) < 0)
        return 2;
    sim_init("sim_servo");
    avr = sim_load(argv[1], argv[2], 5000);
    if (!avr)
        return 2;
    mega = !strcmp(argv[2], "atmega2560");
    sim_by_request(with ? 14 : 2, on_answer);
    sim_uart(on_frame, NULL);
    sim_tx_pace(200, 32000);
    if (!with) {
        sim_queue(CMD_HELLO, (const uint8_t[]){1}, 1);
        sim_queue(CMD_SERVO, (const uint8_t[]){2, 9, 1, 0xB8, 0x0B}, 5);
        if (sim_run_script())
            return 1;
        printf("sim_servo %s without the servo module: HELLO, SERVO -> %s\n", argv[2], sim_failures ? "FAIL" : "PASS");
        return sim_failures ? 1 : 0;
    }
    hw_pin = mega ? 11 : 9;
    hw_other = mega ? 12 : 10;
    oc0b_pin = mega ? 4 : 5;
    sw_a = mega ? 22 : 7;
    sw_b = mega ? 24 : 16; /* A2: not on PORTB (below) */
    load_port = mega ? 'E' : 'D';
    load_bit = mega ? 4 : 2;
    avr_irq_register_notify(mega ? sim_pin('B', 5) : sim_pin('B', 1), on_change, &m_hw);
    avr_irq_register_notify(mega ? sim_pin('A', 0) : sim_pin('D', 7), on_change, &m_a);
    avr_irq_register_notify(mega ? sim_pin('A', 2) : sim_pin('C', 2), on_change, &m_b);

    sim_queue(CMD_HELLO, (const uint8_t[]){1}, 1);
    sim_queue(CMD_SERVO, (const uint8_t[]){2, hw_pin, 1, 3000 & 0xFF, 3000 >> 8}, 5);
    sim_queue(CMD_SERVO, (const uint8_t[]){3, sw_a, 1, 2000 & 0xFF, 2000 >> 8}, 5);
    sim_queue(CMD_SERVO, (const uint8_t[]){4, sw_b, 1, 3200 & 0xFF, 3200 >> 8}, 5);
    sim_queue(CMD_PWM_WRITE, (const uint8_t[]){5, hw_other, 128}, 3);
    sim_queue(CMD_PWM_WRITE, (const uint8_t[]){6, oc0b_pin, 128}, 3);
    sim_queue(CMD_SERVO, (const uint8_t[]){7, hw_pin, 1, 5002 & 0xFF, 5002 >> 8}, 5);
    sim_queue(CMD_SERVO, (const uint8_t[]){8, 1, 1, 3000 & 0xFF, 3000 >> 8}, 5);
    sim_queue(CMD_ARM, (const uint8_t[]){9, 2, 3, 0, 0}, 5);
    sim_feed_in(5 * SIM_CYCLES_MS);
    if (sim_run_until(40 * SIM_CYCLES_MS))
        return 1;
    /* measured: 10 frames under load */
    avr_cycle_timer_register(avr, 800, toggle, NULL);
    meter_on(&m_hw, 1), meter_on(&m_a, 1), meter_on(&m_b, 1);
    if (sim_run_until(240 * SIM_CYCLES_MS))
        return 1;
    avr_cycle_timer_cancel(avr, toggle, NULL);
    meter_on(&m_hw, 0), meter_on(&m_a, 0), meter_on(&m_b, 0);
    struct meter *ms[] = {&m_hw, &m_a, &m_b};
    for (int i = 0; i < 3; i++) {
        struct meter *m = ms[i];
        long ptol = i ? 128 : 8; /* a frame starts at the ISR's latency: two ticks */
        SIM_CHECK(m->pulses >= 9, "%s: %ld pulses in 200 ms (want >= 9)", m->name, m->pulses);
        SIM_CHECK(m->max_err <= m->tol, "%s: a pulse %ld cycles off the request (want <= %ld)", m->name, m->max_err, m->tol);
        SIM_CHECK(m->min_period >= 320000 - ptol && m->max_period <= 320000 + ptol, "%s: frames %ld..%ld cycles (want 320000 +- %ld)",
                  m->name, m->min_period, m->max_period, ptol);
        printf("sim_servo: %s: %ld pulses, max error %ld cycles, frames %ld..%ld cycles\n", m->name, m->pulses, m->max_err,
               m->min_period, m->max_period);
    }

    sim_queue(CMD_SERVO, (const uint8_t[]){10, hw_pin, 0}, 3);
    sim_queue(CMD_PWM_WRITE, (const uint8_t[]){11, hw_other, 128}, 3);
    sim_queue(CMD_SERVO, (const uint8_t[]){12, hw_pin, 1, 3000 & 0xFF, 3000 >> 8}, 5);
    sim_queue(CMD_DIGITAL_WRITE, (const uint8_t[]){13, sw_a, 0}, 3);
    sim_queue(CMD_PING, (const uint8_t[]){14, 0x55}, 2);
    sim_feed_in(1000);
    if (sim_run_until(260 * SIM_CYCLES_MS))
        return 1;
    long hw_rises = 0, a_rises = 0;
    avr_cycle_count_t t_hw = m_hw.last_rise, t_a = m_a.last_rise, t_b = m_b.last_rise;
    if (sim_run_until(300 * SIM_CYCLES_MS))
        return 1;
    hw_rises = have_pwm && m_hw.last_rise != t_hw, a_rises = m_a.last_rise != t_a;
    SIM_CHECK(!hw_rises && !a_rises, "pulses after the detaches: D%u %s, D%u %s", hw_pin, hw_rises ? "yes" : "no", sw_a,
              a_rises ? "yes" : "no");
    SIM_CHECK(m_b.last_rise != t_b, "D%u stopped pulsing after D%u's detach", sw_b, sw_a);
    SIM_CHECK(edges >= 3990, "only %ld edges reported (want the ~4,000 made under load)", edges);
    sim_check_answered_once();
    printf("METRIC servo_pulse_error_us_max %.2f us\n", worst_cycles / 16.0);
    printf("sim_servo %s with the servo module: attach, refusals, pulses under %ld edges, detach -> %s\n", argv[2], edges,
           sim_failures ? "FAIL" : "PASS");
    return sim_failures ? 1 : 0;
}
