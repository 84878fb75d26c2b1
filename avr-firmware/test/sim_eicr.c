/* Two INT pins armed one after the other with their pins held low, on the real firmware ELF in
 * simavr (the report: `wakewire monitor --pins D2,D3` on a virtual Uno with D2 low flooded
 * level-0 D2 records and stopped answering).
 *
 *   sim_eicr <elf> <mcu> <baud>
 *
 * For every ordered pair (a, b) of the MCU's INTs (the Uno: INT0/INT1 both ways; the Mega:
 * INT0..INT5, all 30 pairs), on a fresh MCU: after boot both pins are driven low (as the
 * vboard's `set D2 0` does: the port's external state, then the pin), then the host's sequence
 * for `monitor --pins a,b`: PIN_MODE a input, ARM a both edges, PIN_MODE b input, ARM b. Passes
 * when
 * - after each ACK, every armed INTn has sense 01 (any change) in EICRA/EICRB (datasheet: ISCn1:0
 *   at bits 2n+1:2n of EICRA for n < 4, of EICRB for n - 4) and its EIMSK bit set,
 * - 20 ms with the pins quiet bring no record at all, and a CLOCK is answered,
 * - then 10 edges on a and 10 on b (1 ms apart) arrive exactly: 10 records each, levels
 *   alternating from high, no LOST marker, no other pin, no reset.
 *
 * The flood was simavr's, not the firmware's (the sense bits were right): simavr 1.6 (Debian's
 * libsimavr) emulates a low-level INT by polling the pin every cycle, starting when the pin is
 * low while ISCn = 00 (EICRA's reset value: every pin driven low before its ARM), and the poll
 * never looks at ISCn again: it raises INTFn whenever that flag reads 0, for as long as the pin
 * stays low. simavr also stores an EIFR write as it is (no write-one-to-clear), so the
 * firmware's `EIFR = 1 << n` sets INTFn and clears the others' flags: arming INT0 left INTF0
 * "set", which kept INT0's stale poll quiet; arming INT1 then wrote EIFR = 2, cleared INTF0, and
 * the poll fired INT0 back to back (a level-0 record each, the main loop starved). Upstream
 * simavr ends the poll once ISCn is no longer 00 (commit c0985c4, in v1.8). The firmware never
 * uses the low-level sense, so this test, like the vboard (native/vboard/src/core.c), turns
 * simavr's repeated low-level triggering off; SIM_STRICT_LEVEL=1 leaves it on and shows the flood.
 *
 * SIM_VERBOSE=1: one line per pair. Simulated cycles throughout, never wall-clock time. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <simavr/avr_extint.h>

#include "protocol.h"
#include "sim_harness.h"

#define CYCLES_MS SIM_CYCLES_MS
#define EDGES 10

struct int_pin {
    int arduino; /* the Arduino pin number */
    char port;
    int bit;
};
/* INTn's pin, n = index */
static const struct int_pin uno_ints[] = {{2, 'D', 2}, {3, 'D', 3}};
static const struct int_pin mega_ints[] = {{21, 'D', 0}, {20, 'D', 1}, {19, 'D', 2},
                                           {18, 'D', 3}, {2, 'E', 4},  {3, 'E', 5}};
/* data-space addresses, the same on both MCUs */
#define A_EIFR 0x3C
#define A_EIMSK 0x3D
#define A_EICRA 0x69
#define A_EICRB 0x6A

static avr_t *avr;
static long records[80], lost, acks, naks, hellos, clocks, seq_gaps;
static int last_level[80], repeats, last_seq;

static void on_edge(int pin, int lvl, uint32_t tick)
{
    (void)tick;
    if (pin < 80) {
        records[pin]++;
        if (lvl == last_level[pin])
            repeats++;
        last_level[pin] = lvl;
    }
}

static void on_lost(uint32_t n) { lost += n; }

static void on_frame(const uint8_t *b, int len)
{
    if (last_seq >= 0 && ((last_seq + 1) & 0xFF) != b[1] && b[0] != ANS_HELLO)
        seq_gaps++;
    last_seq = b[1];
    switch (b[0]) {
    case ANS_HELLO: hellos++; break;
    case ANS_ACK: acks++; break;
    case ANS_NAK: naks++; break;
    case ANS_CLOCK: clocks++; break;
    case ANS_EVENTS: sim_events(b, len, on_edge, on_lost); break;
    }
}

static void drive(const struct int_pin *p, int level) { sim_drive_pin(p->port, p->bit, level); }

/* A command, then simulated time until its ACK (at most 5 ms). */
static int command(uint8_t type, const uint8_t *args, int n)
{
    long a = acks;
    sim_send(type, args, n);
    for (long long end = (long long)avr->cycle + 5 * CYCLES_MS; acks == a;)
        if ((long long)avr->cycle >= end || sim_run_for(100))
            return 1;
    return 0;
}

/* INTn's two sense bits as the MCU has them now. */
static int sense(int n)
{
    return (avr->data[n < 4 ? A_EICRA : A_EICRB] >> (2 * (n & 3))) & 3;
}

/* Every INT of `armed` (bit n = INTn) senses any change and is enabled; 0 if so, else a message. */
static const char *check_regs(int armed, int n_int, char *msg, size_t len)
{
    for (int n = 0; n < n_int; n++)
        if (armed >> n & 1 && (sense(n) != 1 || !(avr->data[A_EIMSK] >> n & 1))) {
            snprintf(msg, len, "INT%d: sense %d%d (want 01), EIMSK bit %s; EICRA 0x%02x EICRB 0x%02x EIMSK 0x%02x", n,
                     sense(n) >> 1, sense(n) & 1, avr->data[A_EIMSK] >> n & 1 ? "set" : "clear", avr->data[A_EICRA],
                     avr->data[A_EICRB], avr->data[A_EIMSK]);
            return msg;
        }
    return NULL;
}

static elf_firmware_t fw;

/* One ordered pair; returns 0 when it passes, else prints why. */
static int pair(const char *mcu, const struct int_pin *ints, int n_int, int a, int b)
{
    avr = sim_start(&fw);
    if (!avr)
        exit(2);
    if (!getenv("SIM_STRICT_LEVEL"))
        for (int n = 0; n < n_int; n++)
            avr_extint_set_strict_lvl_trig(avr, (uint8_t)n, 0); /* simavr 1.6's stale low-level poll: see the top */
    sim_uart(on_frame, NULL);
    sim_pins_clear();
    memset(records, 0, sizeof records);
    for (int i = 0; i < 80; i++)
        last_level[i] = 0; /* held low: the first record must be a rise */
    lost = acks = naks = hellos = clocks = seq_gaps = repeats = 0;
    last_seq = -1;

    const struct int_pin *pa = &ints[a], *pb = &ints[b];
    char msg[160];
    const char *why = NULL;
    if (sim_run_until(3 * CYCLES_MS))
        return 1;
    drive(pa, 0);
    drive(pb, 0);
    if (sim_run_for(CYCLES_MS))
        return 1;
    uint8_t mode_a[] = {1, (uint8_t)pa->arduino, 0}, arm_a[] = {2, (uint8_t)pa->arduino, 3, 0, 0};
    uint8_t mode_b[] = {3, (uint8_t)pb->arduino, 0}, arm_b[] = {4, (uint8_t)pb->arduino, 3, 0, 0};
    if (command(CMD_PIN_MODE, mode_a, 3) || command(CMD_ARM, arm_a, 5))
        why = "no ACK for PIN_MODE/ARM of the first pin";
    else if ((why = check_regs(1 << a, n_int, msg, sizeof msg))) {
    } else if (command(CMD_PIN_MODE, mode_b, 3) || command(CMD_ARM, arm_b, 5))
        why = "no ACK for PIN_MODE/ARM of the second pin";
    else
        why = check_regs(1 << a | 1 << b, n_int, msg, sizeof msg);
    long quiet_records = 0;
    if (!why) {
        uint8_t req[] = {5};
        sim_send(CMD_CLOCK, req, 1);
        if (sim_run_for(20 * CYCLES_MS))
            return 1;
        for (int i = 0; i < 80; i++)
            quiet_records += records[i];
        if (quiet_records || lost)
            snprintf(msg, sizeof msg, "%ld records (D%d: %ld, D%d: %ld) and %ld lost while the pins were quiet",
                     quiet_records, pa->arduino, records[pa->arduino], pb->arduino, records[pb->arduino], lost),
                why = msg;
        else if (!clocks)
            why = "no CLOCK answer in 20 ms";
    }
    if (!why) {
        for (int k = 0; k < 2 * EDGES; k++) {
            drive(k < EDGES ? pa : pb, (k % EDGES) % 2 == 0);
            if (sim_run_for(CYCLES_MS))
                return 1;
        }
        if (sim_run_for(10 * CYCLES_MS))
            return 1;
        long others = 0;
        for (int i = 0; i < 80; i++)
            if (i != pa->arduino && i != pb->arduino)
                others += records[i];
        if (records[pa->arduino] != EDGES || records[pb->arduino] != EDGES || others || lost || repeats)
            snprintf(msg, sizeof msg, "%d edges on each pin: D%d %ld records, D%d %ld, others %ld, lost %ld, same-level %d",
                     EDGES, pa->arduino, records[pa->arduino], pb->arduino, records[pb->arduino], others, lost, repeats),
                why = msg;
    }
    if (!why && (hellos != 1 || naks || sim_bad || seq_gaps))
        snprintf(msg, sizeof msg, "HELLOs %ld (want 1), NAKs %ld, bad frames %ld, seq gaps %ld", hellos, naks, sim_bad,
                 seq_gaps),
            why = msg;
    if (why)
        fprintf(stderr, "sim_eicr %s: arm INT%d (D%d) then INT%d (D%d), both held low: %s (at the end: D%d %ld records, D%d %ld, lost %ld, ACKs %ld, EICRA 0x%02x EICRB 0x%02x EIMSK 0x%02x)\n", mcu, a, pa->arduino, b,
                pb->arduino, why, pa->arduino, records[pa->arduino], pb->arduino, records[pb->arduino], lost, acks,
                avr->data[A_EICRA], avr->data[A_EICRB], avr->data[A_EIMSK]);
    else if (getenv("SIM_VERBOSE"))
        printf("sim_eicr %s: INT%d then INT%d: EICRA 0x%02x EICRB 0x%02x EIMSK 0x%02x, quiet, %d + %d edges -> PASS\n", mcu,
               a, b, avr->data[A_EICRA], avr->data[A_EICRB], avr->data[A_EIMSK], EDGES, EDGES);
    avr_terminate(avr);
    return why != NULL;
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: %s elf mcu baud\n", argv[0]);
        return 2;
    }
    const char *mcu = argv[2];
    long baud = atol(argv[3]);
    sim_init("sim_eicr");
    if (sim_read_elf(argv[1], mcu, 0, &fw))
        return 2;
    sim_tx_pace(SIM_F_CPU * 12 / baud, 0); /* simavr takes 11 bit times a byte; one more of slack */
    int mega = !strcmp(mcu, "atmega2560");
    const struct int_pin *ints = mega ? mega_ints : uno_ints;
    int n_int = mega ? 6 : 2, pairs = 0, failed = 0;
    for (int a = 0; a < n_int; a++)
        for (int b = 0; b < n_int; b++)
            if (a != b) {
                pairs++;
                failed += pair(mcu, ints, n_int, a, b);
            }
    printf("sim_eicr %s %ld baud: %d ordered pairs of INTs armed with their pins held low, %d failed -> %s\n", mcu, baud,
           pairs, failed, failed ? "FAIL" : "PASS");
    return failed ? 1 : 0;
}
