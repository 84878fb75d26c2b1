/* The simavr harness the sim_*.c tests share (sim_harness.h says what each call does). */
#include "sim_harness.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <simavr/avr_ioport.h>
#include <simavr/avr_uart.h>

#include "frame_reader.h"
#include "frame_writer.h"
#include "protocol.h"
#include "adc_trigger.h"

avr_t *sim_avr;
const char *sim_name = "sim";
long sim_bad;
int sim_failures;
avr_cycle_count_t sim_tx_marked_at;
int sim_answers[16];

static void quiet(struct avr_t *a, const int level, const char *format, va_list ap)
{
    (void)a;
    if (level <= LOG_ERROR)
        vfprintf(stderr, format, ap);
}

void sim_init(const char *name)
{
    sim_name = name;
    avr_global_logger_set(quiet);
}

int sim_read_elf(const char *elf, const char *mcu, int vcc_mv, elf_firmware_t *fw)
{
    memset(fw, 0, sizeof *fw);
    if (elf_read_firmware(elf, fw) != 0) {
        fprintf(stderr, "%s: cannot read %s\n", sim_name, elf);
        return 2;
    }
    snprintf(fw->mmcu, sizeof fw->mmcu, "%s", mcu);
    fw->frequency = SIM_F_CPU;
    if (vcc_mv)
        fw->vcc = fw->avcc = fw->aref = (uint32_t)vcc_mv;
    return 0;
}

/* ---- the host's queue to the board's RX line ---- */
static avr_irq_t *uart_in;
static uint8_t to_board[256];
static int to_board_len, to_board_pos, feeding, mark = -1;
static long byte_cycles = 200, frame_gap;

avr_t *sim_start(elf_firmware_t *fw)
{
    sim_avr = avr_make_mcu_by_name(fw->mmcu);
    if (!sim_avr) {
        fprintf(stderr, "%s: simavr does not know %s\n", sim_name, fw->mmcu);
        return NULL;
    }
    avr_init(sim_avr);
    avr_load_firmware(sim_avr, fw);
    vb_adc_trigger_attach(sim_avr); /* simavr lacks the ADC's Timer1 trigger (module stream) */
    sim_avr->log = 0;
    sim_tx_clear();
    mark = -1;
    return sim_avr;
}

avr_t *sim_load(const char *elf, const char *mcu, int vcc_mv)
{
    static elf_firmware_t fw;
    return sim_read_elf(elf, mcu, vcc_mv, &fw) ? NULL : sim_start(&fw);
}

/* ---- the board's TX line into the firmware's own frame reader ---- */
static struct frame_reader reader;
static void (*frame_to)(const uint8_t *body, int len);
static void (*byte_to)(void);

static void uart_out(struct avr_irq_t *irq, uint32_t value, void *param)
{
    (void)irq, (void)param;
    if (byte_to)
        byte_to();
    enum fr_result r = frame_reader_feed(&reader, (uint8_t)value);
    if (r == FR_OK)
        frame_to(reader.body, reader.frame_len);
    else if (r != FR_MORE && r != FR_EMPTY)
        sim_bad++;
}

void sim_uart(void (*on_frame)(const uint8_t *body, int len), void (*on_byte)(void))
{
    frame_to = on_frame;
    byte_to = on_byte;
    uint32_t flags = 0;
    avr_ioctl(sim_avr, AVR_IOCTL_UART_GET_FLAGS('0'), &flags);
    flags &= ~AVR_UART_FLAG_STDIO;
    avr_ioctl(sim_avr, AVR_IOCTL_UART_SET_FLAGS('0'), &flags);
    avr_irq_register_notify(avr_io_getirq(sim_avr, AVR_IOCTL_UART_GETIRQ('0'), UART_IRQ_OUTPUT), uart_out, NULL);
    uart_in = avr_io_getirq(sim_avr, AVR_IOCTL_UART_GETIRQ('0'), UART_IRQ_INPUT);
    frame_reader_init(&reader);
    sim_bad = 0;
}

/* ---- running ---- */
int sim_step(void)
{
    int st = avr_run(sim_avr);
    if (st == cpu_Done || st == cpu_Crashed) {
        fprintf(stderr, "%s: the firmware stopped (state %d) at cycle %llu\n", sim_name, st,
                (unsigned long long)sim_avr->cycle);
        return 1;
    }
    return 0;
}

int sim_run_until(long long end)
{
    while ((long long)sim_avr->cycle < end)
        if (sim_step())
            return 1;
    return 0;
}

int sim_run_for(long long cycles) { return sim_run_until((long long)sim_avr->cycle + cycles); }

/* ---- feeding the queue ---- */
void sim_tx_pace(long byte, long gap)
{
    byte_cycles = byte;
    frame_gap = gap;
}

static avr_cycle_count_t feed(avr_t *a, avr_cycle_count_t when, void *param)
{
    (void)param;
    uint8_t b = 0xFF;
    if (to_board_pos < to_board_len)
        avr_raise_irq(uart_in, b = to_board[to_board_pos++]);
    if (to_board_pos == mark)
        sim_tx_marked_at = a->cycle;
    feeding = to_board_pos < to_board_len;
    return feeding ? when + (b == 0 && frame_gap ? frame_gap : byte_cycles) : 0;
}

static void append(uint8_t seq, uint8_t type, const uint8_t *args, int n)
{
    if (to_board_pos == to_board_len)
        to_board_pos = to_board_len = 0;
    if (to_board_len > 160)
        return;
    uint8_t buf[80];
    struct frame_writer w;
    frame_begin(&w, &(struct tx_ring_ref){buf, 63, 0, seq}, type);
    frame_put_bytes(&w, args, (uint8_t)n);
    int len = frame_end(&w);
    memcpy(to_board + to_board_len, buf, (size_t)len);
    to_board_len += len;
}

void sim_queue(uint8_t type, const uint8_t *args, int n) { append(0, type, args, n); }

void sim_send(uint8_t type, const uint8_t *args, int n)
{
    static uint8_t seq;
    append(seq++, type, args, n);
    if (!feeding)
        sim_feed_in(10);
}

void sim_feed_in(avr_cycle_count_t cycles)
{
    feeding = 1;
    avr_cycle_timer_register(sim_avr, cycles, feed, NULL);
}

void sim_tx_clear(void) { to_board_pos = to_board_len = feeding = 0; }

void sim_tx_mark(void) { mark = to_board_len; }

/* ---- decoding ---- */
uint32_t sim_rd32(const uint8_t *p) { return p[0] | p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24; }

uint32_t sim_leb(const uint8_t *p, int *i, int n)
{
    uint32_t v = 0;
    for (int s = 0; *i < n && s < 35; s += 7) {
        uint8_t b = p[(*i)++];
        v |= (uint32_t)(b & 0x7F) << s;
        if (!(b & 0x80))
            break;
    }
    return v;
}

/* type, seq, the first record's tick (4 bytes); then records of a header byte (level << 7 | pin,
 * or LOST_MARKER and one byte) and a LEB128 tick delta or lost count (PROTOCOL.md) */
void sim_events(const uint8_t *b, int len, void (*on_edge)(int pin, int level, uint32_t tick),
                void (*on_lost)(uint32_t n))
{
    uint32_t ts;
    memcpy(&ts, b + 2, 4);
    for (int i = 6; i < len;) {
        uint8_t h = b[i++];
        if (h == LOST_MARKER) {
            i++;
            on_lost(sim_leb(b, &i, len));
            continue;
        }
        ts += sim_leb(b, &i, len);
        on_edge(h & 0x7F, h >> 7, ts);
    }
}

void sim_samples(const uint8_t *b, int len, void (*on_sample)(unsigned ch, unsigned value, uint32_t tick),
                 void (*on_lost)(uint32_t n))
{
    uint32_t ts = sim_rd32(b + 2);
    for (int i = 6; i + 1 < len;) {
        unsigned w = b[i] | b[i + 1] << 8;
        i += 2;
        if (w & 0x8000) {
            on_lost(w & 0x7FFF);
            continue;
        }
        ts += sim_leb(b, &i, len);
        on_sample(w >> 10, w & 0x3FF, ts);
    }
}

static int max_request;
static void (*answer_to)(int req, uint8_t type, const uint8_t *p, int n);

void sim_by_request(int max_req, void (*on_answer)(int req, uint8_t type, const uint8_t *p, int n))
{
    max_request = max_req;
    answer_to = on_answer;
}

void sim_request_frame(const uint8_t *b, int len)
{
    uint8_t type = b[0], req = len > 2 ? b[2] : 0;
    if (type == ANS_HELLO && req == 0)
        return; /* the boot HELLO */
    SIM_CHECK(req >= 1 && req <= max_request, "an answer with req_id %u (type 0x%02x)", req, type);
    if (req < 1 || req > max_request)
        return;
    sim_answers[req]++;
    answer_to(req, type, b + 3, len - 5); /* after type, seq, req_id; without the CRC */
}

void sim_check_answered_once(void)
{
    for (int req = 1; req <= max_request; req++)
        SIM_CHECK(sim_answers[req] == 1, "%d answers to request %d (want exactly 1)", sim_answers[req], req);
    SIM_CHECK(sim_bad == 0, "%ld bad frames from the board", sim_bad);
}

int sim_with_module(int argc, char **argv)
{
    if (argc != 4 || (strcmp(argv[3], "with") && strcmp(argv[3], "without"))) {
        fprintf(stderr, "usage: %s elf mcu with|without\n", argv[0]);
        return -1;
    }
    return !strcmp(argv[3], "with");
}

int sim_run_script(void)
{
    sim_feed_in(5 * SIM_CYCLES_MS);
    if (sim_run_until(30 * SIM_CYCLES_MS))
        return 1;
    sim_check_answered_once();
    return 0;
}

unsigned sim_check_hello(uint8_t type, const uint8_t *p, int n)
{
    SIM_CHECK(type == ANS_HELLO && n >= 14, "HELLO answered with type 0x%02x", type);
    unsigned caps = p[12] | p[13] << 8; /* after version, fw x2, signature x3, f_cpu, tick_ns */
    SIM_CHECK((caps & (CAP_EDGES | CAP_DEBOUNCE | CAP_PCINT | CAP_LOST)) == (CAP_EDGES | CAP_DEBOUNCE | CAP_PCINT | CAP_LOST),
              "HELLO capabilities 0x%04x lack a core bit", caps);
    return caps;
}

/* ---- pins ---- */
static uint8_t ext_mask[12], ext_value[12];

avr_irq_t *sim_pin(char port, int bit) { return avr_io_getirq(sim_avr, AVR_IOCTL_IOPORT_GETIRQ(port), bit); }

void sim_drive_pin(char port, int bit, int level)
{
    int i = port - 'A';
    uint8_t mask = (uint8_t)(1u << bit);
    ext_mask[i] |= mask;
    ext_value[i] = level ? ext_value[i] | mask : ext_value[i] & (uint8_t)~mask;
    avr_ioport_external_t ext = {.name = (unsigned)port, .mask = ext_mask[i], .value = ext_value[i]};
    avr_ioctl(sim_avr, AVR_IOCTL_IOPORT_SET_EXTERNAL(port), &ext);
    avr_raise_irq(sim_pin(port, bit), (uint32_t)level);
}

void sim_pins_clear(void)
{
    memset(ext_mask, 0, sizeof ext_mask);
    memset(ext_value, 0, sizeof ext_value);
}
