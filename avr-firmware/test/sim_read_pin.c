/* READ_PIN on the real firmware ELF in simavr (the core's input basics).
 *
 *   sim_read_pin <elf> <mcu>
 *
 * Drives D7 high (PD7 on the Uno, PH4 on the Mega) and D12 low, then sends READ_PIN D7, CLOCK,
 * READ_PIN D12, READ_PIN D1 (the serial line), PIN_MODE D12 input_pullup, READ_PIN D12, and
 * checks, with the firmware's own frame reader:
 * - READ_PIN D7 answers LEVEL pin 7, level 1, a tick after the script's start and before the CLOCK's;
 * - D12 driven low reads 0 (also with its pull-up on: a driven pin wins);
 * - D1 is NAKed bad_pin, detail 1.
 * Every request answered once, no bad frame. Simulated cycles only. */
#include <stdio.h>
#include <string.h>

#include "protocol.h"
#include "sim_harness.h"

static uint32_t level_ts, clock_ts;

static void level(uint8_t type, const uint8_t *p, int n, int pin, int want)
{
    SIM_CHECK(type == ANS_LEVEL && n >= 4, "READ_PIN D%d answered with type 0x%02x, %d bytes: %02x %02x %02x %02x", pin, type, n, p[0], p[1], p[2], p[3]);
    if (type != ANS_LEVEL || n < 4)
        return;
    SIM_CHECK(p[0] == pin && p[1] == want, "READ_PIN D%d: LEVEL pin %u level %u (want %d)", pin, p[0], p[1], want);
}

static void on_answer(int req, uint8_t type, const uint8_t *p, int n)
{
    switch (req) {
    case 1: sim_check_hello(type, p, n); break;
    case 2:
        level(type, p, n, 7, 1);
        level_ts = sim_rd32(p + 2);
        SIM_CHECK(level_ts > 5 * SIM_CYCLES_MS / 64, "LEVEL's tick %u before the script started (5 ms)", level_ts);
        break;
    case 3:
        SIM_CHECK(type == ANS_CLOCK, "CLOCK answered with type 0x%02x", type);
        clock_ts = sim_rd32(p);
        SIM_CHECK(clock_ts > level_ts, "CLOCK's tick %u not after LEVEL's %u", clock_ts, level_ts);
        break;
    case 4: level(type, p, n, 12, 0); break;
    case 5:
        SIM_CHECK(type == ANS_NAK && p[0] == NAK_BAD_PIN && p[1] == 1, "READ_PIN D1: type 0x%02x code %u detail %u (want NAK bad_pin 1)",
                  type, p[0], p[1]);
        break;
    case 6: SIM_CHECK(type == ANS_ACK, "PIN_MODE D12 input_pullup answered with type 0x%02x", type); break;
    case 7: level(type, p, n, 12, 0); break;
    }
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: sim_read_pin <elf> <mcu>\n");
        return 2;
    }
    sim_init("sim_read_pin");
    avr_t *avr = sim_load(argv[1], argv[2], 5000);
    if (!avr)
        return 2;
    int mega = !strcmp(argv[2], "atmega2560");
    sim_by_request(7, on_answer);
    sim_uart(sim_request_frame, NULL);
    sim_tx_pace(200, 16000); /* each answer out before the next command: no RX overrun */
    sim_drive_pin(mega ? 'H' : 'D', mega ? 4 : 7, 1); /* D7 */
    sim_drive_pin(mega ? 'B' : 'B', mega ? 6 : 4, 0); /* D12 */

    sim_queue(CMD_HELLO, (const uint8_t[]){1}, 1);
    sim_queue(CMD_READ_PIN, (const uint8_t[]){2, 7}, 2);
    sim_queue(CMD_CLOCK, (const uint8_t[]){3}, 1);
    sim_queue(CMD_READ_PIN, (const uint8_t[]){4, 12}, 2);
    sim_queue(CMD_READ_PIN, (const uint8_t[]){5, 1}, 2);
    sim_queue(CMD_PIN_MODE, (const uint8_t[]){6, 12, 1}, 3);
    sim_queue(CMD_READ_PIN, (const uint8_t[]){7, 12}, 2);

    if (sim_run_script())
        return 1;
    printf("sim_read_pin %s: READ_PIN high, low, pulled-up but driven low, D1 refused -> %s\n", argv[2],
           sim_failures ? "FAIL" : "PASS");
    return sim_failures ? 1 : 0;
}
