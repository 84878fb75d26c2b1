/* The analog module on the real firmware ELF in simavr, with it and without it.
 *
 *   sim_analog <elf> <mcu> with|without
 *
 * Puts 2.5 V on A0 (AVcc 5 V), sends HELLO, ANALOG_READ A0, ANALOG_READ of channel N_ADC (one
 * past the last) and PING, and checks every answer the board sent, decoded with the firmware's
 * own frame reader:
 * - with the module: HELLO announces CAP_ANALOG; A0 reads 512 +- 3 with a board tick later than
 *   the command's; the bad channel is NAKed bad_argument, detail 1 (its payload offset). The
 *   ANALOG answer can only come from the ADC interrupt, so this also proves the handler sits in
 *   the ADC's vector slot (the 328P's table ends in the module, adc_isr.S).
 * - without it (the core alone, MODULES=): HELLO announces the core's capabilities and no
 *   CAP_ANALOG; both ANALOG_READs are NAKed unknown_command with the type byte as detail.
 * Both: the PING is answered afterwards, no other frame, no bad frame.
 * Simulated cycles only; no wall-clock timing. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <simavr/avr_adc.h>
#include <simavr/avr_uart.h>
#include <simavr/sim_avr.h>
#include <simavr/sim_elf.h>
#include <simavr/sim_irq.h>

#include "frame_reader.h"
#include "frame_writer.h"
#include "protocol.h"

static avr_irq_t *uart_in;
static uint8_t to_board[128];
static int to_board_len, to_board_pos, analog_end;
static struct frame_reader reader;
static int failures, bad, answers[8]; /* answers by req id */

#define CHECK(cond, ...)                     \
    do {                                     \
        if (!(cond)) {                       \
            printf("sim_analog: FAIL: ");    \
            printf(__VA_ARGS__);             \
            printf("\n");                    \
            failures++;                      \
        }                                    \
    } while (0)

static int with; /* the module is built in */
static unsigned long long sent_at; /* the cycle the ANALOG_READ's last byte went in */

static uint32_t rd32(const uint8_t *p) { return p[0] | p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24; }

static void on_frame(const uint8_t *b, int len)
{
    uint8_t type = b[0], req = len > 2 ? b[2] : 0;
    const uint8_t *p = b + 3; /* after type, seq, req_id */
    int n = len - 5;          /* payload after req_id, without the CRC */
    if (type == ANS_HELLO && req == 0)
        return; /* the boot HELLO */
    CHECK(req >= 1 && req <= 4, "an answer with req_id %u (type 0x%02x)", req, type);
    if (req < 1 || req > 4)
        return;
    answers[req]++;
    switch (req) {
    case 1: {
        CHECK(type == ANS_HELLO && n >= 14, "HELLO answered with type 0x%02x", type);
        unsigned caps = p[12] | p[13] << 8; /* after version, fw x2, signature x3, f_cpu, tick_ns */
        CHECK((caps & (CAP_EDGES | CAP_DEBOUNCE | CAP_PCINT | CAP_LOST)) == (CAP_EDGES | CAP_DEBOUNCE | CAP_PCINT | CAP_LOST),
              "HELLO capabilities 0x%04x lack a core bit", caps);
        CHECK(!(caps & CAP_ANALOG) == !with, "HELLO capabilities 0x%04x %s CAP_ANALOG", caps,
              with ? "lack" : "announce");
        break;
    }
    case 2:
        if (with) {
            CHECK(type == ANS_ANALOG, "ANALOG_READ A0 answered with type 0x%02x", type);
            if (type == ANS_ANALOG) {
                unsigned value = p[1] | p[2] << 8;
                uint32_t ts = rd32(p + 3);
                CHECK(p[0] == 0, "ANALOG answer for channel %u", p[0]);
                CHECK(value >= 509 && value <= 515, "2.5 V of 5 V read as %u", value);
                CHECK(ts > sent_at / 64 && ts < sent_at / 64 + 250, "conversion tick %u, the command went in at tick %llu",
                      ts, sent_at / 64);
            }
        } else {
            CHECK(type == ANS_NAK && p[0] == NAK_UNKNOWN_COMMAND && p[1] == CMD_ANALOG_READ,
                  "ANALOG_READ without the module: type 0x%02x code %u detail 0x%02x (want NAK unknown_command 0x%02x)",
                  type, p[0], p[1], CMD_ANALOG_READ);
        }
        break;
    case 3:
        if (with)
            CHECK(type == ANS_NAK && p[0] == NAK_BAD_ARGUMENT && p[1] == 1,
                  "ANALOG_READ of a channel too many: type 0x%02x code %u detail %u (want NAK bad_argument 1)", type, p[0], p[1]);
        else
            CHECK(type == ANS_NAK && p[0] == NAK_UNKNOWN_COMMAND && p[1] == CMD_ANALOG_READ,
                  "ANALOG_READ without the module: type 0x%02x code %u detail 0x%02x", type, p[0], p[1]);
        break;
    case 4: CHECK(type == ANS_PONG, "PING answered with type 0x%02x", type); break;
    }
}

static void uart_out(struct avr_irq_t *irq, uint32_t value, void *param)
{
    (void)irq, (void)param;
    enum fr_result r = frame_reader_feed(&reader, (uint8_t)value);
    if (r == FR_OK)
        on_frame(reader.body, reader.frame_len);
    else if (r != FR_MORE && r != FR_EMPTY)
        bad++;
}

/* One byte every 200 cycles (12.5 us: a little slower than 1 Mbaud's 11 us). */
static avr_cycle_count_t feed(avr_t *a, avr_cycle_count_t when, void *param)
{
    (void)param;
    if (to_board_pos < to_board_len)
        avr_raise_irq(uart_in, to_board[to_board_pos++]);
    if (to_board_pos == analog_end)
        sent_at = a->cycle;
    return to_board_pos < to_board_len ? when + 200 : 0;
}

static void command(uint8_t type, const uint8_t *args, uint8_t n)
{
    uint8_t buf[64];
    struct frame_writer w;
    frame_begin(&w, &(struct tx_ring_ref){buf, 63, 0, 0}, type);
    frame_put_bytes(&w, args, n);
    uint8_t len = frame_end(&w);
    memcpy(to_board + to_board_len, buf, len);
    to_board_len += len;
}

static void quiet(struct avr_t *a, const int level, const char *format, va_list ap)
{
    (void)a;
    if (level <= LOG_ERROR)
        vfprintf(stderr, format, ap);
}

int main(int argc, char **argv)
{
    if (argc != 4 || (strcmp(argv[3], "with") && strcmp(argv[3], "without"))) {
        fprintf(stderr, "usage: %s elf mcu with|without\n", argv[0]);
        return 2;
    }
    with = !strcmp(argv[3], "with");
    elf_firmware_t fw;
    memset(&fw, 0, sizeof fw);
    avr_global_logger_set(quiet);
    if (elf_read_firmware(argv[1], &fw) != 0) {
        fprintf(stderr, "sim_analog: cannot read %s\n", argv[1]);
        return 2;
    }
    snprintf(fw.mmcu, sizeof fw.mmcu, "%s", argv[2]);
    fw.frequency = 16000000;
    fw.vcc = fw.avcc = fw.aref = 5000;
    avr_t *avr = avr_make_mcu_by_name(fw.mmcu);
    if (!avr) {
        fprintf(stderr, "sim_analog: simavr does not know %s\n", fw.mmcu);
        return 2;
    }
    avr_init(avr);
    avr_load_firmware(avr, &fw);
    avr->log = 0;
    uint32_t flags = 0;
    avr_ioctl(avr, AVR_IOCTL_UART_GET_FLAGS('0'), &flags);
    flags &= ~AVR_UART_FLAG_STDIO;
    avr_ioctl(avr, AVR_IOCTL_UART_SET_FLAGS('0'), &flags);
    avr_irq_register_notify(avr_io_getirq(avr, AVR_IOCTL_UART_GETIRQ('0'), UART_IRQ_OUTPUT), uart_out, NULL);
    uart_in = avr_io_getirq(avr, AVR_IOCTL_UART_GETIRQ('0'), UART_IRQ_INPUT);
    avr_raise_irq(avr_io_getirq(avr, AVR_IOCTL_ADC_GETIRQ, ADC_IRQ_ADC0), 2500);
    frame_reader_init(&reader);

    uint8_t n_adc = strcmp(argv[2], "atmega2560") ? 8 : 16;
    command(CMD_HELLO, (const uint8_t[]){1}, 1);
    command(CMD_ANALOG_READ, (const uint8_t[]){2, 0}, 2);
    analog_end = to_board_len;
    command(CMD_ANALOG_READ, (const uint8_t[]){3, n_adc}, 2);
    command(CMD_PING, (const uint8_t[]){4, 0x77}, 2);

    const long cycles_ms = 16000;
    avr_cycle_timer_register(avr, 5 * cycles_ms, feed, NULL);
    while ((long)avr->cycle < 30 * cycles_ms) {
        int st = avr_run(avr);
        if (st == cpu_Done || st == cpu_Crashed) {
            fprintf(stderr, "sim_analog: the firmware stopped (state %d) at cycle %llu\n", st, (unsigned long long)avr->cycle);
            return 1;
        }
    }
    for (int req = 1; req <= 4; req++)
        CHECK(answers[req] == 1, "%d answers to request %d (want exactly 1)", answers[req], req);
    CHECK(bad == 0, "%d bad frames from the board", bad);
    printf("sim_analog %s %s the analog module: HELLO, ANALOG_READ x2, PING -> %s\n", argv[2],
           with ? "with" : "without", failures ? "FAIL" : "PASS");
    return failures ? 1 : 0;
}
