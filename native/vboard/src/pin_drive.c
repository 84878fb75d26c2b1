#include "pin_drive.h"

#include <simavr/avr_adc.h>
#include <simavr/avr_ioport.h>
#include <simavr/sim_avr.h>
#include <simavr/sim_io.h>
#include <simavr/sim_irq.h>
#include <stdio.h>
#include <string.h>

#include "core.h"

static avr_irq_t *pin_irq(vb_core *core, int pin) {
    char port = core->pins->ports[pin][0];
    return avr_io_getirq(core->avr, AVR_IOCTL_IOPORT_GETIRQ(port), core->pins->ports[pin][1]);
}

static void pin_label(vb_core *core, int pin, char *buf, size_t len) {
    vb_pin p;
    vb_pin_at(core->pins, pin, &p);
    vb_pin_name(&p, buf, len);
}

/* Puts a level on an input pin: first as the port's external state (so that simavr's
 * pull-up emulation keeps it), then on the pin itself (which wakes INTn / PCINT logic). */
static void put_level(vb_core *core, int pin, int level) {
    vb_pin_drive *d = &core->drive;
    int port = core->pins->ports[pin][0] - 'A';
    uint8_t mask = (uint8_t)(1u << core->pins->ports[pin][1]);
    d->driven[pin] = (int8_t)level;
    d->ext_mask[port] |= mask;
    if (level)
        d->ext_value[port] |= mask;
    else
        d->ext_value[port] &= (uint8_t)~mask;
    avr_ioport_external_t ext = {.name = (unsigned)('A' + port), .mask = d->ext_mask[port], .value = d->ext_value[port]};
    d->driving++;
    avr_ioctl(core->avr, AVR_IOCTL_IOPORT_SET_EXTERNAL('A' + port), &ext);
    avr_raise_irq(pin_irq(core, pin), (uint32_t)level);
    d->driving--;
}

void vb_drive_set(vb_core *core, int pin, int level) {
    vb_pin_drive *d = &core->drive;
    level = level ? 1 : 0;
    put_level(core, pin, level);
    d->edges_driven++;
    if (d->on_edge) d->on_edge(core->ctx, pin, level, vb_core_now(core));
}

int vb_drive_level(vb_core *core, int pin) { return core->drive.driven[pin]; }

int vb_drive_output(vb_core *core, int pin) {
    vb_pin_drive *d = &core->drive;
    avr_ioport_t *p = d->ports[core->pins->ports[pin][0] - 'A'];
    if (!p) return -1;
    int bit = core->pins->ports[pin][1];
    if (!((core->avr->data[p->r_ddr] >> bit) & 1)) return -1;
    return (core->avr->data[p->r_port] >> bit) & 1;
}

int vb_drive_input(vb_core *core, int pin) {
    vb_pin_drive *d = &core->drive;
    if (d->driven[pin] >= 0) return d->driven[pin];
    avr_ioport_t *p = d->ports[core->pins->ports[pin][0] - 'A'];
    return p ? (core->avr->data[p->r_pin] >> core->pins->ports[pin][1]) & 1 : 0;
}

/* The HC-SR04 model: a trigger that was high for >= 10 us starts the echo on its falling edge
 * (the real module starts its 40 kHz burst there), `delay` later, `width` long. */
static void sonar_trigger(vb_core *core, int level) {
    vb_sonar *s = &core->drive.sonar;
    uint64_t now = vb_core_now(core);
    if (level) {
        if (!s->rose_at) s->rose_at = now ? now : 1;
        return;
    }
    if (!s->rose_at) return;
    uint64_t high = now - s->rose_at;
    s->rose_at = 0;
    if (high < vb_core_us_to_cycles(core, 10)) return;
    s->triggers++;
    if (!s->width) return;
    char err[96];
    if (vb_drive_wave(core, "echo", s->echo, now + s->delay, 2 * s->width, 2, err, sizeof err))
        vb_core_emitf(core, "WARN echo not sent: %s", err);
}

void vb_drive_sonar(vb_core *core, int active, int trig, int echo, uint64_t width, uint64_t delay) {
    vb_sonar *s = &core->drive.sonar;
    *s = (vb_sonar){.active = active, .trig = trig, .echo = echo, .width = width, .delay = delay};
    if (active) vb_drive_set(core, echo, 0);
}

static void measure(vb_pulse_meter *m, int level, uint64_t now) {
    if (level) {
        if (m->last_rise) {
            uint64_t p = now - m->last_rise;
            if (!m->pmin || p < m->pmin) m->pmin = p;
            if (p > m->pmax) m->pmax = p;
        }
        m->rise = m->last_rise = now;
    } else if (m->rise) {
        uint64_t w = now - m->rise;
        if (!m->n || w < m->min) m->min = w;
        if (w > m->max) m->max = w;
        m->last = w;
        m->n++;
        m->rise = 0;
    }
}

/* simavr calls this on every change of a pin's IRQ, ours included. */
static void on_pin_irq(struct avr_irq_t *irq, uint32_t value, void *param) {
    (void)irq;
    vb_pin_hook *h = param;
    vb_core *core = h->core;
    vb_pin_drive *d = &core->drive;
    if (d->driving) return;
    if (d->sonar.active && h->pin == d->sonar.trig && vb_drive_output(core, h->pin) >= 0) sonar_trigger(core, value & 1);
    if (!d->watched[h->pin] && d->n_links == 0 && d->n_meters == 0) return;
    if (vb_drive_output(core, h->pin) < 0) return; /* an input: the change came from outside */
    int level = value & 1;
    if (d->out_level[h->pin] == level) return;
    d->out_level[h->pin] = (int8_t)level;
    if (d->meters[h->pin].on) measure(&d->meters[h->pin], level, vb_core_now(core));
    if (d->watched[h->pin]) {
        char name[8];
        pin_label(core, h->pin, name, sizeof name);
        vb_core_emitf(core, "PIN %s %d @%llu", name, level, (unsigned long long)vb_core_now(core));
    }
    for (int i = 0; i < d->n_links; i++)
        if (d->links[i].from == h->pin) vb_drive_set(core, d->links[i].to, level);
}

int vb_drive_attach(vb_core *core, char *err, unsigned errlen) {
    vb_pin_drive *d = &core->drive;
    memset(d, 0, sizeof *d);
    memset(d->driven, -1, sizeof d->driven);
    memset(d->out_level, -1, sizeof d->out_level);
    for (avr_io_t *io = core->avr->io_port; io; io = io->next)
        if (strcmp(io->kind, "port") == 0) {
            avr_ioport_t *p = (avr_ioport_t *)io;
            if (p->name >= 'A' && p->name <= 'Z') d->ports[p->name - 'A'] = p;
        }
    for (int pin = 0; pin < core->pins->n_digital && pin < VB_MAX_PINS; pin++) {
        avr_irq_t *irq = pin_irq(core, pin);
        if (!irq) {
            snprintf(err, errlen, "simavr's %s has no port %c for pin D%d", core->pins->mcu, core->pins->ports[pin][0],
                     pin);
            return -1;
        }
        d->hooks[pin] = (vb_pin_hook){core, pin};
        avr_irq_register_notify(irq, on_pin_irq, &d->hooks[pin]);
    }
    return 0;
}

/* One Gray-code step: forward 00 -> 10 -> 11 -> 01 -> 00 (A, B), backward the reverse. */
static void quad_step(vb_core *core, vb_wave *w) {
    int a = vb_drive_input(core, w->pin), b = vb_drive_input(core, w->pin2);
    int forward = w->moves[w->move] > 0;
    int toggle_a = forward ? a == b : a != b;
    int pin = toggle_a ? w->pin : w->pin2;
    vb_drive_set(core, pin, !(toggle_a ? a : b));
    int32_t m = w->moves[w->move];
    if (++w->done_in_move == (uint32_t)(m < 0 ? -m : m)) {
        w->move++;
        w->done_in_move = 0;
    }
}

static avr_cycle_count_t wave_tick(avr_t *avr, avr_cycle_count_t when, void *param) {
    (void)when;
    vb_wave *w = param;
    vb_core *core = w->core;
    if (!w->active) return 0;
    if (w->n_moves)
        quad_step(core, w);
    else
        vb_drive_set(core, w->pin, !vb_drive_input(core, w->pin));
    w->next++;
    if (w->next >= w->count) {
        char name[8];
        pin_label(core, w->pin, name, sizeof name);
        w->active = 0;
        char wall[64] = "";
        if (core->wall_fields) core->wall_fields(core->ctx, wall, sizeof wall);
        vb_core_emitf(core, "DONE %s %s @%llu%s", w->kind, name, (unsigned long long)vb_core_now(core), wall);
        return 0;
    }
    uint64_t at; /* core time of the next edge */
    if (w->n_at)
        at = w->start + w->at[w->next - 1];
    else if (w->n_moves)
        at = w->start + w->period * w->next;
    else
        at = w->start + (w->period * w->next) / 2;
    avr_cycle_count_t abs = (avr_cycle_count_t)(at - core->cycle_base);
    return abs > avr->cycle ? abs : avr->cycle + 1;
}

int vb_drive_wave(vb_core *core, const char *kind, int pin, uint64_t start, uint64_t period, uint32_t count, char *err,
                  unsigned errlen) {
    vb_pin_drive *d = &core->drive;
    vb_wave *w = NULL;
    for (int i = 0; i < VB_MAX_WAVES && !w; i++)
        if (!d->waves[i].active) w = &d->waves[i];
    if (!w) {
        snprintf(err, errlen, "%d waves are already running (the most at once)", VB_MAX_WAVES);
        return -1;
    }
    *w = (vb_wave){.core = core, .active = 1, .kind = kind, .pin = pin, .start = start, .period = period, .count = count};
    /* Even an edge due now goes through the timer, so the command's OK line precedes it. */
    uint64_t now = vb_core_now(core);
    avr_cycle_timer_register(core->avr, start > now ? start - now : 0, wave_tick, w);
    return 0;
}

static vb_wave *free_wave(vb_core *core, char *err, unsigned errlen) {
    for (int i = 0; i < VB_MAX_WAVES; i++)
        if (!core->drive.waves[i].active) return &core->drive.waves[i];
    snprintf(err, errlen, "%d waves are already running (the most at once)", VB_MAX_WAVES);
    return NULL;
}

static void wave_arm(vb_core *core, vb_wave *w) {
    uint64_t now = vb_core_now(core);
    avr_cycle_timer_register(core->avr, w->start > now ? w->start - now : 0, wave_tick, w);
}

int vb_drive_pattern(vb_core *core, int pin, uint64_t start, const uint64_t *intervals, uint32_t n, char *err,
                     unsigned errlen) {
    if (n > VB_MAX_PATTERN) {
        snprintf(err, errlen, "a pattern has at most %d intervals", VB_MAX_PATTERN);
        return -1;
    }
    vb_wave *w = free_wave(core, err, errlen);
    if (!w) return -1;
    *w = (vb_wave){.core = core, .active = 1, .kind = "pattern", .pin = pin, .start = start, .count = n + 1, .n_at = n};
    uint64_t sum = 0;
    for (uint32_t i = 0; i < n; i++) w->at[i] = sum += intervals[i];
    wave_arm(core, w);
    return 0;
}

int vb_drive_quad(vb_core *core, int a, int b, uint64_t start, uint64_t step, const int32_t *moves, uint32_t n,
                  char *err, unsigned errlen) {
    if (n < 1 || n > VB_MAX_MOVES) {
        snprintf(err, errlen, "a quad takes 1..%d runs of steps", VB_MAX_MOVES);
        return -1;
    }
    uint64_t total = 0;
    for (uint32_t i = 0; i < n; i++) {
        if (!moves[i]) {
            snprintf(err, errlen, "run %u of the quad has no steps", i + 1);
            return -1;
        }
        total += (uint64_t)(moves[i] < 0 ? -(int64_t)moves[i] : moves[i]);
    }
    if (total > 4000000000ULL) {
        snprintf(err, errlen, "a quad has at most 4000000000 steps");
        return -1;
    }
    vb_wave *w = free_wave(core, err, errlen);
    if (!w) return -1;
    *w = (vb_wave){.core = core, .active = 1, .kind = "quad", .pin = a, .pin2 = b, .start = start, .period = step,
                   .count = (uint32_t)total, .n_moves = n};
    memcpy(w->moves, moves, n * sizeof *moves);
    wave_arm(core, w);
    return 0;
}

int vb_drive_waves_running(vb_core *core, int pin) {
    int n = 0;
    for (int i = 0; i < VB_MAX_WAVES; i++)
        if (core->drive.waves[i].active && (pin < 0 || core->drive.waves[i].pin == pin)) n++;
    return n;
}

void vb_drive_cancel_all(vb_core *core, const char *why) {
    for (int i = 0; i < VB_MAX_WAVES; i++) {
        vb_wave *w = &core->drive.waves[i];
        if (!w->active) continue;
        w->active = 0;
        avr_cycle_timer_cancel(core->avr, wave_tick, w);
        char name[8];
        pin_label(core, w->pin, name, sizeof name);
        vb_core_emitf(core, "CANCELLED %s %s %s", w->kind, name, why);
    }
}

int vb_drive_link(vb_core *core, int from, int to, char *err, unsigned errlen) {
    vb_pin_drive *d = &core->drive;
    if (from == to) {
        snprintf(err, errlen, "cannot link a pin to itself");
        return -1;
    }
    for (int i = 0; i < d->n_links; i++)
        if (d->links[i].from == from && d->links[i].to == to) return 0;
    if (d->n_links == VB_MAX_LINKS) {
        snprintf(err, errlen, "%d links exist already (the most at once)", VB_MAX_LINKS);
        return -1;
    }
    d->links[d->n_links].from = from;
    d->links[d->n_links].to = to;
    d->n_links++;
    /* The wire exists from now on: the input sees the output's present level. */
    int level = vb_drive_output(core, from);
    if (level >= 0) {
        d->out_level[from] = (int8_t)level;
        vb_drive_set(core, to, level);
    }
    return 0;
}

int vb_drive_unlink(vb_core *core, int from, int to) {
    vb_pin_drive *d = &core->drive;
    for (int i = 0; i < d->n_links; i++)
        if (d->links[i].from == from && d->links[i].to == to) {
            d->links[i] = d->links[--d->n_links];
            return 0;
        }
    return -1;
}

void vb_drive_watch(vb_core *core, int pin, int on) {
    vb_pin_drive *d = &core->drive;
    d->watched[pin] = (uint8_t)(on ? 1 : 0);
    if (on) d->out_level[pin] = (int8_t)vb_drive_output(core, pin);
}

void vb_drive_widths(vb_core *core, int pin) {
    vb_pin_drive *d = &core->drive;
    vb_pulse_meter *m = &d->meters[pin];
    char name[8];
    pin_label(core, pin, name, sizeof name);
    vb_core_emitf(core, "WIDTHS %s n=%llu min=%llu max=%llu last=%llu period_min=%llu period_max=%llu", name,
                  (unsigned long long)m->n, (unsigned long long)m->min, (unsigned long long)m->max,
                  (unsigned long long)m->last, (unsigned long long)m->pmin, (unsigned long long)m->pmax);
    if (!m->on) {
        d->n_meters++;
        d->out_level[pin] = (int8_t)vb_drive_output(core, pin);
    }
    /* start over; a pulse in progress keeps its rise, so it is measured whole */
    uint64_t rise = m->on ? m->rise : 0, last_rise = m->on ? m->last_rise : 0;
    *m = (vb_pulse_meter){.on = 1, .rise = rise, .last_rise = last_rise};
}

void vb_drive_adc(vb_core *core, int channel, uint32_t millivolts) {
    avr_irq_t *irq = avr_io_getirq(core->avr, AVR_IOCTL_ADC_GETIRQ, ADC_IRQ_ADC0 + channel);
    if (irq) avr_raise_irq(irq, millivolts);
}

void vb_drive_after_reset(vb_core *core) {
    vb_pin_drive *d = &core->drive;
    for (int pin = 0; pin < VB_MAX_PINS; pin++) {
        d->out_level[pin] = -1;
        if (d->driven[pin] >= 0) put_level(core, pin, d->driven[pin]);
    }
}
