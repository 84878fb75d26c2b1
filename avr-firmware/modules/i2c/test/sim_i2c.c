/* The i2c module on the real firmware ELF in simavr, with it and without it.
 *
 *   sim_i2c <elf> <mcu> with|without
 *
 * The devices are the virtual board's models (native/vboard/src/i2c_devices.c) on simavr's
 * TWI: a 24C32 EEPROM at 0x50, a BMP280 at 0x76, a device at 0x30 that NAKs data, and a
 * device that holds SDA low. Script (each answer decoded with the firmware's frame reader):
 *  1 HELLO: CAP_I2C with the module, not without.
 *  2 configure 400 kHz: the queue's size and the largest transfer.
 *  3 EEPROM page write of 20 bytes at 0x01F0: the last 4 wrap to the page's start (0x01E0).
 *  4 EEPROM write-then-read (repeated start) of 16 bytes from 0x01E0: the 4 wrapped bytes,
 *    then erased ones.
 *  5 BMP280 chip id (0xD0 -> 0x58); 6 its 6 raw data bytes (0xF7..0xFC).
 *  7 EEPROM read alone (SLA+R first) of 2 bytes: where request 4 left the pointer.
 *  8 a write to 0x22 (nobody): address NAK; 9 a byte to the NAK device: data NAK;
 *  10 a read from 0x22: address NAK; 11 address 0x90: NAKed bad_argument, detail 1.
 *  13 poll the BMP280's temperature (0xFA, 2 bytes) every 2 ms: ACK, then readings whose
 *    numbers run 0, 1, 2... with no gap, each with its data and a board time 2 ms (+- one
 *    Timer0 period) after the previous one, and no drift over the run.
 *  Then SDA is held low (3 SCL pulses free it): 12 stops the poll; 14 an EEPROM read is
 *    answered "bus stuck, recovered" after the recovery's pulses; 15 the chip id reads again.
 * Without the module every I2C and I2C_POLL is NAKed unknown_command and no reading comes.
 * Every request answered exactly once, no bad frame. Simulated cycles only. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i2c_devices.h"
#include "protocol.h"
#include "sim_harness.h"

static int with, mega;
static vb_i2c_bus bus;

#define READINGS_MAX 64
static struct { unsigned seq, status, n; uint32_t at; uint8_t d[4]; } readings[READINGS_MAX];
static int n_readings;


static void expect_i2c(int req, uint8_t type, const uint8_t *p, int n, int status, const uint8_t *data, int nd)
{
    if (!with) {
        SIM_CHECK(type == ANS_NAK && p[0] == NAK_UNKNOWN_COMMAND, "request %d without the module: type 0x%02x (want NAK unknown_command)", req, type);
        return;
    }
    SIM_CHECK(type == ANS_I2C, "request %d answered with type 0x%02x (want I2C 0x%02x, status %d)", req, type, ANS_I2C, status);
    if (type != ANS_I2C)
        return;
    SIM_CHECK(p[0] == status, "request %d: status %u (want %d)", req, p[0], status);
    SIM_CHECK(n == 1 + nd, "request %d: %d data bytes (want %d)", req, n - 1, nd);
    if (n == 1 + nd && data)
        for (int i = 0; i < nd; i++)
            SIM_CHECK(p[1 + i] == data[i], "request %d: byte %d is 0x%02x (want 0x%02x)", req, i, p[1 + i], data[i]);
}

static void expect_nak(int req, uint8_t type, const uint8_t *p, int code, int detail)
{
    SIM_CHECK(type == ANS_NAK && p[0] == (with ? code : NAK_UNKNOWN_COMMAND) && (!with || p[1] == detail),
              "request %d: type 0x%02x code %u detail %u (want NAK %d detail %d)", req, type, p[0], p[1],
              with ? code : NAK_UNKNOWN_COMMAND, detail);
}

static void on_answer(int req, uint8_t type, const uint8_t *p, int n)
{
    uint8_t want[24];
    switch (req) {
    case 1: {
        unsigned caps = sim_check_hello(type, p, n);
        SIM_CHECK(!(caps & CAP_I2C) == !with, "HELLO capabilities 0x%04x %s CAP_I2C", caps, with ? "lack" : "announce");
        break;
    }
    case 2:
        expect_i2c(req, type, p, n, 0, 0, 2);
        if (with && type == ANS_I2C && n == 3)
            SIM_CHECK(p[1] >= 36 && p[2] == 32, "configure: queue %u B, largest transfer %u (want >= 36, 32)", p[1], p[2]);
        break;
    case 3: expect_i2c(req, type, p, n, 0, 0, 0); break;
    case 4:
        for (int i = 0; i < 16; i++)
            want[i] = i < 4 ? 16 + i : 0xFF;
        expect_i2c(req, type, p, n, 0, want, 16);
        break;
    case 5: expect_i2c(req, type, p, n, 0, (const uint8_t[]){0x58}, 1); break;
    case 6: expect_i2c(req, type, p, n, 0, (const uint8_t[]){0x65, 0x5A, 0xC0, 0x7E, 0xED, 0x00}, 6); break;
    case 7: expect_i2c(req, type, p, n, 0, (const uint8_t[]){0, 1}, 2); break;
    case 8: expect_i2c(req, type, p, n, 1, 0, 0); break;
    case 9: expect_i2c(req, type, p, n, 2, 0, 0); break;
    case 10: expect_i2c(req, type, p, n, 1, 0, 0); break;
    case 11: expect_nak(req, type, p, NAK_BAD_ARGUMENT, 1); break;
    case 12:
    case 13:
        if (with)
            SIM_CHECK(type == ANS_ACK, "I2C_POLL (request %d) answered with type 0x%02x (want ACK)", req, type);
        else
            expect_nak(req, type, p, 0, 0);
        break;
    case 14: expect_i2c(req, type, p, n, 3, 0, 0); break;
    case 15: expect_i2c(req, type, p, n, 0, (const uint8_t[]){0x58}, 1); break;
    }
}

static void on_frame(const uint8_t *b, int len)
{
    if (getenv("SIM_I2C_TRACE")) { printf("frame @%llu:", (unsigned long long)sim_avr->cycle); for (int i = 0; i < len; i++) printf(" %02x", b[i]); printf("\n"); }
    if (b[0] != ANS_I2C_READINGS) { /* the body here has no CRC: payload = len - 3 after req */
        uint8_t type = b[0], req = len > 2 ? b[2] : 0;
        if (type == ANS_HELLO && req == 0)
            return; /* the boot HELLO */
        SIM_CHECK(req >= 1 && req <= 15, "an answer with req_id %u (type 0x%02x)", req, type);
        if (req >= 1 && req <= 15) {
            sim_answers[req]++;
            on_answer(req, type, b + 3, len - 3);
        }
        return;
    }
    const uint8_t *p = b + 2;
    int n = len - 2; /* without type, seq */
    SIM_CHECK(with, "a reading from a board without the module");
    SIM_CHECK(n >= 7, "a reading of %d bytes", n);
    if (n < 7 || n_readings == READINGS_MAX)
        return;
    readings[n_readings].seq = p[0] | p[1] << 8;
    readings[n_readings].at = sim_rd32(p + 2);
    readings[n_readings].status = p[6];
    readings[n_readings].n = (unsigned)(n - 7);
    memcpy(readings[n_readings].d, p + 7, n - 7 > 4 ? 4 : n - 7);
    n_readings++;
}

static void check_readings(void)
{
    if (!with) {
        SIM_CHECK(n_readings == 0, "%d readings without the module", n_readings);
        return;
    }
    SIM_CHECK(n_readings >= 10, "%d readings in ~30 ms at 2 ms (want >= 10)", n_readings);
    for (int i = 0; i < n_readings; i++) {
        SIM_CHECK(readings[i].seq == (unsigned)i, "reading %d numbered %u (a gap: a loss)", i, readings[i].seq);
        SIM_CHECK(readings[i].status == 0 && readings[i].n == 2 && readings[i].d[0] == 0x7E && readings[i].d[1] == 0xED,
                  "reading %d: status %u, %u bytes %02x %02x (want 0, 7e ed)", i, readings[i].status, readings[i].n,
                  readings[i].d[0], readings[i].d[1]);
        if (i) {
            int32_t dt = (int32_t)(readings[i].at - readings[i - 1].at);
            SIM_CHECK(dt > 500 - 300 && dt < 500 + 300, "readings %d and %d are %d ticks apart (want 500 +- 300)", i - 1, i, dt);
        }
    }
    if (n_readings > 2) {
        int32_t span = (int32_t)(readings[n_readings - 1].at - readings[0].at), want = 500 * (n_readings - 1);
        SIM_CHECK(span > want - 300 && span < want + 300, "%d readings span %d ticks (want %d +- 300: no drift)", n_readings, span, want);
    }
}

static void drive_sda(void *ctx, int level)
{
    (void)ctx;
    sim_drive_pin(mega ? 'D' : 'C', mega ? 1 : 4, level);
}

int main(int argc, char **argv)
{
    char err[200];
    if ((with = sim_with_module(argc, argv)) < 0)
        return 2;
    sim_init("sim_i2c");
    mega = !strcmp(argv[2], "atmega2560");
    avr_t *avr = sim_load(argv[1], argv[2], 5000);
    if (!avr)
        return 2;
    bus.drive_sda = drive_sda;
    if (vb_i2c_attach(&bus, avr, err, sizeof err) || vb_i2c_add(&bus, "eeprom", err, sizeof err) ||
        vb_i2c_add(&bus, "bmp280", err, sizeof err) || vb_i2c_add(&bus, "nak", err, sizeof err)) {
        printf("sim_i2c: %s\n", err);
        return 2;
    }
    sim_by_request(15, on_answer);
    sim_uart(on_frame, NULL);
    /* ~190 us after each command: the answers (up to 30 B at 1 Mbaud) keep up with the commands,
     * so the RX ring never overflows, while the transactions still overlap in the queue */
    sim_tx_pace(200, getenv("SIM_I2C_GAP") ? atol(getenv("SIM_I2C_GAP")) : 3000);

    sim_queue(CMD_HELLO, (const uint8_t[]){1}, 1);
    sim_queue(CMD_I2C, (const uint8_t[]){2, 0x80, 1}, 3);
    sim_queue(CMD_I2C, (const uint8_t[]){3, 0x50, 0, 0x01, 0xF0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19}, 25);
    sim_queue(CMD_I2C, (const uint8_t[]){4, 0x50, 16, 0x01, 0xE0}, 5);
    sim_queue(CMD_I2C, (const uint8_t[]){5, 0x76, 1, 0xD0}, 4);
    sim_queue(CMD_I2C, (const uint8_t[]){6, 0x76, 6, 0xF7}, 4);
    sim_queue(CMD_I2C, (const uint8_t[]){7, 0x50, 2}, 3);
    sim_queue(CMD_I2C, (const uint8_t[]){8, 0x22, 0}, 3);
    sim_queue(CMD_I2C, (const uint8_t[]){9, 0x30, 0, 0xAA}, 4);
    sim_queue(CMD_I2C, (const uint8_t[]){10, 0x22, 2}, 3);
    sim_queue(CMD_I2C, (const uint8_t[]){11, 0x90, 0}, 3);
    sim_queue(CMD_I2C_POLL, (const uint8_t[]){13, 0x76, 0xFA, 2, 2, 0}, 6);
    sim_feed_in(5 * SIM_CYCLES_MS);
    if (sim_run_until(40 * SIM_CYCLES_MS))
        return 1;

    sim_queue(CMD_I2C_POLL, (const uint8_t[]){12, 0x76, 0xFA, 2, 0, 0}, 6);
    sim_feed_in(10);
    if (sim_run_for(3 * SIM_CYCLES_MS))
        return 1;
    /* the bus stuck: SDA held until 3 SCL pulses */
    vb_i2c_set_stuck(&bus, 3);
    unsigned long falls = bus.scl_falls;
    sim_queue(CMD_I2C, (const uint8_t[]){14, 0x50, 1, 0x00, 0x00}, 5);
    sim_queue(CMD_I2C, (const uint8_t[]){15, 0x76, 1, 0xD0}, 4);
    sim_feed_in(10);
    if (sim_run_for(10 * SIM_CYCLES_MS))
        return 1;
    sim_check_answered_once();
    check_readings();
    if (with)
        SIM_CHECK(!bus.stuck && bus.scl_falls - falls == 3, "recovery: %lu SCL pulses, SDA %s (want 3, free)",
                  bus.scl_falls - falls, bus.stuck ? "still held" : "free");
    printf("sim_i2c %s %s the i2c module: EEPROM, BMP280, NAKs, %d poll readings, stuck bus -> %s\n", argv[2],
           with ? "with" : "without", n_readings, sim_failures ? "FAIL" : "PASS");
    return sim_failures ? 1 : 0;
}
