/* The pwm module on the real firmware ELF in simavr, with it and without it.
 *
 *   sim_pwm <elf> <mcu> with|without
 *
 * Sends HELLO, PWM_WRITE 128 on Timer1's OC1A pin (Uno D9, Mega D11), DIGITAL_WRITE high on the
 * same pin, PWM_WRITE on a pin without PWM (Uno D12, Mega D22) and PING, and checks every answer
 * (decoded with the firmware's own frame reader) and the timer's registers:
 * - with the module: HELLO announces CAP_PWM; Timer1 runs (TCCR1B = 8-bit fast PWM, /64: the
 *   module's start-up); when the PWM_WRITE is ACKed, OCR1A is 128, COM1A1 connects the pin and
 *   the pin is an output; the DIGITAL_WRITE's ACK finds COM1A1 cleared (the module's pin-write
 *   hook: a digital write disconnects the timer) and the pin high; the pin without PWM is
 *   NAKed not_capable with the pin as detail.
 * - without it (MODULES=analog, or the core alone): no CAP_PWM, Timer1 never started (TCCR1B
 *   0), both PWM_WRITEs NAKed unknown_command with the type byte as detail, COM1A1 never set;
 *   the DIGITAL_WRITE is ACKed and drives the pin high.
 * Both: the PING is answered afterwards, no other frame, no bad frame.
 * Simulated cycles only; no wall-clock timing. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <simavr/avr_uart.h>
#include <simavr/sim_avr.h>
#include <simavr/sim_elf.h>
#include <simavr/sim_irq.h>

#include "frame_reader.h"
#include "frame_writer.h"
#include "protocol.h"

static avr_irq_t *uart_in;
static uint8_t to_board[128];
static int to_board_len, to_board_pos;
static struct frame_reader reader;
static int failures, bad, answers[8]; /* answers by req id */

#define CHECK(cond, ...)                     \
    do {                                     \
        if (!(cond)) {                       \
            printf("sim_pwm: FAIL: ");       \
            printf(__VA_ARGS__);             \
            printf("\n");                    \
            failures++;                      \
        }                                    \
    } while (0)

static int with; /* the module is built in */
static avr_t *avr;
static uint8_t pwm_pin, plain_pin, port_bit; /* OC1A's Arduino pin and PORTB bit; a pin without PWM */
/* Timer1's registers and PORTB's, at the same data addresses on both MCUs */
#define TCCR1A_ 0x80
#define TCCR1B_ 0x81
#define OCR1AL_ 0x88
#define DDRB_ 0x24
#define PORTB_ 0x25
#define COM1A1_ 0x80

static void on_frame(const uint8_t *b, int len)
{
    uint8_t type = b[0], req = len > 2 ? b[2] : 0;
    const uint8_t *p = b + 3; /* after type, seq, req_id */
    int n = len - 5;          /* payload after req_id, without the CRC */
    if (type == ANS_HELLO && req == 0)
        return; /* the boot HELLO */
    CHECK(req >= 1 && req <= 5, "an answer with req_id %u (type 0x%02x)", req, type);
    if (req < 1 || req > 5)
        return;
    answers[req]++;
    switch (req) {
    case 1: {
        CHECK(type == ANS_HELLO && n >= 14, "HELLO answered with type 0x%02x", type);
        unsigned caps = p[12] | p[13] << 8; /* after version, fw x2, signature x3, f_cpu, tick_ns */
        CHECK((caps & (CAP_EDGES | CAP_DEBOUNCE | CAP_PCINT | CAP_LOST)) == (CAP_EDGES | CAP_DEBOUNCE | CAP_PCINT | CAP_LOST),
              "HELLO capabilities 0x%04x lack a core bit", caps);
        CHECK(!(caps & CAP_PWM) == !with, "HELLO capabilities 0x%04x %s CAP_PWM", caps, with ? "lack" : "announce");
        CHECK(avr->data[TCCR1B_] == (with ? 0x0B : 0), "TCCR1B 0x%02x %s", avr->data[TCCR1B_],
              with ? "(want 0x0B: 8-bit fast PWM, /64, the module's start-up)" : "(want 0: no PWM timer set-up in the core)");
        break;
    }
    case 2:
        if (with) {
            CHECK(type == ANS_ACK, "PWM_WRITE D%u 128 answered with type 0x%02x (code %u)", pwm_pin, type, n > 0 ? p[0] : 0);
            CHECK(avr->data[OCR1AL_] == 128 && (avr->data[TCCR1A_] & COM1A1_) && (avr->data[DDRB_] & port_bit),
                  "after PWM_WRITE: OCR1A %u, TCCR1A 0x%02x, DDRB 0x%02x (want 128, COM1A1, the pin an output)",
                  avr->data[OCR1AL_], avr->data[TCCR1A_], avr->data[DDRB_]);
        } else {
            CHECK(type == ANS_NAK && p[0] == NAK_UNKNOWN_COMMAND && p[1] == CMD_PWM_WRITE,
                  "PWM_WRITE without the module: type 0x%02x code %u detail 0x%02x (want NAK unknown_command 0x%02x)", type,
                  p[0], p[1], CMD_PWM_WRITE);
        }
        break;
    case 3:
        CHECK(type == ANS_ACK, "DIGITAL_WRITE D%u high answered with type 0x%02x", pwm_pin, type);
        CHECK(!(avr->data[TCCR1A_] & COM1A1_) && (avr->data[PORTB_] & port_bit),
              "after DIGITAL_WRITE: TCCR1A 0x%02x, PORTB 0x%02x (want COM1A1 clear: the timer disconnected, the pin high)",
              avr->data[TCCR1A_], avr->data[PORTB_]);
        break;
    case 4:
        if (with)
            CHECK(type == ANS_NAK && p[0] == NAK_NOT_CAPABLE && p[1] == plain_pin,
                  "PWM_WRITE on D%u (no PWM): type 0x%02x code %u detail %u (want NAK not_capable %u)", plain_pin, type, p[0],
                  p[1], plain_pin);
        else
            CHECK(type == ANS_NAK && p[0] == NAK_UNKNOWN_COMMAND && p[1] == CMD_PWM_WRITE,
                  "PWM_WRITE without the module: type 0x%02x code %u detail 0x%02x", type, p[0], p[1]);
        break;
    case 5: CHECK(type == ANS_PONG, "PING answered with type 0x%02x", type); break;
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

/* One byte every 200 cycles (12.5 us: a little slower than 1 Mbaud's 11 us), and 2 ms after each
 * frame's closing 0x00, so each answer (and the registers it is checked with) comes before the
 * next command runs. */
static avr_cycle_count_t feed(avr_t *a, avr_cycle_count_t when, void *param)
{
    (void)a, (void)param;
    uint8_t b = 0xFF;
    if (to_board_pos < to_board_len)
        avr_raise_irq(uart_in, b = to_board[to_board_pos++]);
    return to_board_pos < to_board_len ? when + (b == 0 ? 32000 : 200) : 0;
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
        fprintf(stderr, "sim_pwm: cannot read %s\n", argv[1]);
        return 2;
    }
    snprintf(fw.mmcu, sizeof fw.mmcu, "%s", argv[2]);
    fw.frequency = 16000000;
    fw.vcc = fw.avcc = fw.aref = 5000;
    avr = avr_make_mcu_by_name(fw.mmcu);
    if (!avr) {
        fprintf(stderr, "sim_pwm: simavr does not know %s\n", fw.mmcu);
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
    frame_reader_init(&reader);

    int mega = !strcmp(argv[2], "atmega2560");
    pwm_pin = mega ? 11 : 9; /* OC1A: PB5 on the Mega, PB1 on the Uno */
    port_bit = mega ? 1 << 5 : 1 << 1;
    plain_pin = mega ? 22 : 12;
    command(CMD_HELLO, (const uint8_t[]){1}, 1);
    command(CMD_PWM_WRITE, (const uint8_t[]){2, pwm_pin, 128}, 3);
    command(CMD_DIGITAL_WRITE, (const uint8_t[]){3, pwm_pin, 1}, 3);
    command(CMD_PWM_WRITE, (const uint8_t[]){4, plain_pin, 100}, 3);
    command(CMD_PING, (const uint8_t[]){5, 0x77}, 2);

    const long cycles_ms = 16000;
    avr_cycle_timer_register(avr, 5 * cycles_ms, feed, NULL);
    while ((long)avr->cycle < 30 * cycles_ms) {
        int st = avr_run(avr);
        if (st == cpu_Done || st == cpu_Crashed) {
            fprintf(stderr, "sim_pwm: the firmware stopped (state %d) at cycle %llu\n", st, (unsigned long long)avr->cycle);
            return 1;
        }
    }
    for (int req = 1; req <= 5; req++)
        CHECK(answers[req] == 1, "%d answers to request %d (want exactly 1)", answers[req], req);
    CHECK(bad == 0, "%d bad frames from the board", bad);
    printf("sim_pwm %s %s the pwm module: HELLO, PWM_WRITE, DIGITAL_WRITE, PWM_WRITE, PING -> %s\n", argv[2],
           with ? "with" : "without", failures ? "FAIL" : "PASS");
    return failures ? 1 : 0;
}
