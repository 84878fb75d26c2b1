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
#include <stdio.h>
#include <string.h>

#include <simavr/avr_adc.h>

#include "protocol.h"
#include "sim_harness.h"

static int with; /* the module is built in */


static void on_answer(int req, uint8_t type, const uint8_t *p, int n)
{
    unsigned long long sent_at = sim_tx_marked_at; /* the cycle the ANALOG_READ's last byte went in */
    switch (req) {
    case 1: {
        unsigned caps = sim_check_hello(type, p, n);
        SIM_CHECK(!(caps & CAP_ANALOG) == !with, "HELLO capabilities 0x%04x %s CAP_ANALOG", caps,
              with ? "lack" : "announce");
        break;
    }
    case 2:
        if (with) {
            SIM_CHECK(type == ANS_ANALOG, "ANALOG_READ A0 answered with type 0x%02x", type);
            if (type == ANS_ANALOG) {
                unsigned value = p[1] | p[2] << 8;
                uint32_t ts = sim_rd32(p + 3);
                SIM_CHECK(p[0] == 0, "ANALOG answer for channel %u", p[0]);
                SIM_CHECK(value >= 509 && value <= 515, "2.5 V of 5 V read as %u", value);
                SIM_CHECK(ts > sent_at / 64 && ts < sent_at / 64 + 250, "conversion tick %u, the command went in at tick %llu",
                      ts, sent_at / 64);
            }
        } else {
            SIM_CHECK(type == ANS_NAK && p[0] == NAK_UNKNOWN_COMMAND && p[1] == CMD_ANALOG_READ,
                  "ANALOG_READ without the module: type 0x%02x code %u detail 0x%02x (want NAK unknown_command 0x%02x)",
                  type, p[0], p[1], CMD_ANALOG_READ);
        }
        break;
    case 3:
        if (with)
            SIM_CHECK(type == ANS_NAK && p[0] == NAK_BAD_ARGUMENT && p[1] == 1,
                  "ANALOG_READ of a channel too many: type 0x%02x code %u detail %u (want NAK bad_argument 1)", type, p[0], p[1]);
        else
            SIM_CHECK(type == ANS_NAK && p[0] == NAK_UNKNOWN_COMMAND && p[1] == CMD_ANALOG_READ,
                  "ANALOG_READ without the module: type 0x%02x code %u detail 0x%02x", type, p[0], p[1]);
        break;
    case 4: SIM_CHECK(type == ANS_PONG, "PING answered with type 0x%02x", type); break;
    }
}

int main(int argc, char **argv)
{
    if ((with = sim_with_module(argc, argv)) < 0)
        return 2;
    sim_init("sim_analog");
    avr_t *avr = sim_load(argv[1], argv[2], 5000);
    if (!avr)
        return 2;
    sim_by_request(4, on_answer);
    sim_uart(sim_request_frame, NULL);
    avr_raise_irq(avr_io_getirq(avr, AVR_IOCTL_ADC_GETIRQ, ADC_IRQ_ADC0), 2500);

    /* one byte every 200 cycles (12.5 us: a little slower than 1 Mbaud's 11 us) */
    uint8_t n_adc = strcmp(argv[2], "atmega2560") ? 8 : 16;
    sim_queue(CMD_HELLO, (const uint8_t[]){1}, 1);
    sim_queue(CMD_ANALOG_READ, (const uint8_t[]){2, 0}, 2);
    sim_tx_mark();
    sim_queue(CMD_ANALOG_READ, (const uint8_t[]){3, n_adc}, 2);
    sim_queue(CMD_PING, (const uint8_t[]){4, 0x77}, 2);

    if (sim_run_script())
        return 1;
    printf("sim_analog %s %s the analog module: HELLO, ANALOG_READ x2, PING -> %s\n", argv[2],
           with ? "with" : "without", sim_failures ? "FAIL" : "PASS");
    return sim_failures ? 1 : 0;
}
