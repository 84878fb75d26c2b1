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
#include <stdio.h>
#include <string.h>

#include "protocol.h"
#include "sim_harness.h"

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

static void on_answer(int req, uint8_t type, const uint8_t *p, int n)
{
    switch (req) {
    case 1: {
        unsigned caps = sim_check_hello(type, p, n);
        SIM_CHECK(!(caps & CAP_PWM) == !with, "HELLO capabilities 0x%04x %s CAP_PWM", caps, with ? "lack" : "announce");
        SIM_CHECK(avr->data[TCCR1B_] == (with ? 0x0B : 0), "TCCR1B 0x%02x %s", avr->data[TCCR1B_],
              with ? "(want 0x0B: 8-bit fast PWM, /64, the module's start-up)" : "(want 0: no PWM timer set-up in the core)");
        break;
    }
    case 2:
        if (with) {
            SIM_CHECK(type == ANS_ACK, "PWM_WRITE D%u 128 answered with type 0x%02x (code %u)", pwm_pin, type, n > 0 ? p[0] : 0);
            SIM_CHECK(avr->data[OCR1AL_] == 128 && (avr->data[TCCR1A_] & COM1A1_) && (avr->data[DDRB_] & port_bit),
                  "after PWM_WRITE: OCR1A %u, TCCR1A 0x%02x, DDRB 0x%02x (want 128, COM1A1, the pin an output)",
                  avr->data[OCR1AL_], avr->data[TCCR1A_], avr->data[DDRB_]);
        } else {
            SIM_CHECK(type == ANS_NAK && p[0] == NAK_UNKNOWN_COMMAND && p[1] == CMD_PWM_WRITE,
                  "PWM_WRITE without the module: type 0x%02x code %u detail 0x%02x (want NAK unknown_command 0x%02x)", type,
                  p[0], p[1], CMD_PWM_WRITE);
        }
        break;
    case 3:
        SIM_CHECK(type == ANS_ACK, "DIGITAL_WRITE D%u high answered with type 0x%02x", pwm_pin, type);
        SIM_CHECK(!(avr->data[TCCR1A_] & COM1A1_) && (avr->data[PORTB_] & port_bit),
              "after DIGITAL_WRITE: TCCR1A 0x%02x, PORTB 0x%02x (want COM1A1 clear: the timer disconnected, the pin high)",
              avr->data[TCCR1A_], avr->data[PORTB_]);
        break;
    case 4:
        if (with)
            SIM_CHECK(type == ANS_NAK && p[0] == NAK_NOT_CAPABLE && p[1] == plain_pin,
                  "PWM_WRITE on D%u (no PWM): type 0x%02x code %u detail %u (want NAK not_capable %u)", plain_pin, type, p[0],
                  p[1], plain_pin);
        else
            SIM_CHECK(type == ANS_NAK && p[0] == NAK_UNKNOWN_COMMAND && p[1] == CMD_PWM_WRITE,
                  "PWM_WRITE without the module: type 0x%02x code %u detail 0x%02x", type, p[0], p[1]);
        break;
    case 5: SIM_CHECK(type == ANS_PONG, "PING answered with type 0x%02x", type); break;
    }
}

int main(int argc, char **argv)
{
    if ((with = sim_with_module(argc, argv)) < 0)
        return 2;
    sim_init("sim_pwm");
    avr = sim_load(argv[1], argv[2], 5000);
    if (!avr)
        return 2;
    sim_by_request(5, on_answer);
    sim_uart(sim_request_frame, NULL);

    int mega = !strcmp(argv[2], "atmega2560");
    pwm_pin = mega ? 11 : 9; /* OC1A: PB5 on the Mega, PB1 on the Uno */
    port_bit = mega ? 1 << 5 : 1 << 1;
    plain_pin = mega ? 22 : 12;
    /* One byte every 200 cycles (12.5 us: a little slower than 1 Mbaud's 11 us), and 2 ms after each
     * frame's closing 0x00, so each answer (and the registers it is checked with) comes before the
     * next command runs. */
    sim_tx_pace(200, 32000);
    sim_queue(CMD_HELLO, (const uint8_t[]){1}, 1);
    sim_queue(CMD_PWM_WRITE, (const uint8_t[]){2, pwm_pin, 128}, 3);
    sim_queue(CMD_DIGITAL_WRITE, (const uint8_t[]){3, pwm_pin, 1}, 3);
    sim_queue(CMD_PWM_WRITE, (const uint8_t[]){4, plain_pin, 100}, 3);
    sim_queue(CMD_PING, (const uint8_t[]){5, 0x77}, 2);

    if (sim_run_script())
        return 1;
    printf("sim_pwm %s %s the pwm module: HELLO, PWM_WRITE, DIGITAL_WRITE, PWM_WRITE, PING -> %s\n", argv[2],
           with ? "with" : "without", sim_failures ? "FAIL" : "PASS");
    return sim_failures ? 1 : 0;
}
