/*
 * Unit tests of the virtual board's pure parts: pin names, durations, hex, the bounded
 * byte queue, board config files, the frame codec; and one in-process simulation, the UART's
 * byte timing (needs VBOARD_ECHO_ELF, the test firmware). cmocka; run by `make vboard-test`
 * before the end-to-end self-test.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "board_config.h"
#include "bootloader.h"
#include "byte_queue.h"
#include "commands.h"
#include "pinmap.h"
#include "wire_frames.h"

static void uno_pins_follow_the_arduino_standard_variant(void **state) {
    (void)state;
    const vb_pinmap *uno = vb_pinmap_for("atmega328p");
    vb_pin p;
    char err[128];
    assert_non_null(uno);
    assert_int_equal(vb_pin_parse(uno, "D13", &p, err, sizeof err), 0);
    assert_int_equal(p.port, 'B');
    assert_int_equal(p.bit, 5);
    assert_int_equal(p.adc, -1);
    assert_int_equal(vb_pin_parse(uno, "A0", &p, err, sizeof err), 0);
    assert_int_equal(p.number, 14);
    assert_int_equal(p.port, 'C');
    assert_int_equal(p.adc, 0);
    assert_int_equal(vb_pin_parse(uno, "d2", &p, err, sizeof err), 0);
    assert_int_equal(p.port, 'D');
    assert_int_equal(p.bit, 2);
    assert_int_equal(vb_pin_parse(uno, "PB5", &p, err, sizeof err), 0);
    assert_int_equal(p.number, 13);
    assert_int_equal(vb_pin_parse(uno, "7", &p, err, sizeof err), 0);
    assert_int_equal(p.port, 'D');
    /* A6/A7 exist on the Nano's ADC only. */
    assert_int_equal(vb_pin_parse(uno, "A7", &p, err, sizeof err), 0);
    assert_int_equal(p.number, -1);
    assert_int_equal(p.adc, 7);
}

static void mega_pins_follow_the_arduino_mega_variant(void **state) {
    (void)state;
    const vb_pinmap *mega = vb_pinmap_for("atmega2560");
    vb_pin p;
    char err[128];
    assert_int_equal(vb_pin_parse(mega, "D13", &p, err, sizeof err), 0);
    assert_int_equal(p.port, 'B');
    assert_int_equal(p.bit, 7);
    assert_int_equal(vb_pin_parse(mega, "D21", &p, err, sizeof err), 0); /* INT0 */
    assert_int_equal(p.port, 'D');
    assert_int_equal(p.bit, 0);
    assert_int_equal(vb_pin_parse(mega, "A15", &p, err, sizeof err), 0);
    assert_int_equal(p.number, 69);
    assert_int_equal(p.port, 'K');
    assert_int_equal(p.bit, 7);
    assert_int_equal(p.adc, 15);
}

static void bad_pin_names_say_what_exists(void **state) {
    (void)state;
    vb_pin p;
    char err[128];
    assert_int_equal(vb_pin_parse(vb_pinmap_for("atmega328p"), "D99", &p, err, sizeof err), -1);
    assert_string_equal(err, "unknown pin D99 (uno has D0-D19)");
    assert_int_equal(vb_pin_parse(vb_pinmap_for("atmega2560"), "A16", &p, err, sizeof err), -1);
    assert_string_equal(err, "unknown pin A16 (mega2560 has A0-A15)");
    assert_int_equal(vb_pin_parse(vb_pinmap_for("atmega328p"), "PE0", &p, err, sizeof err), -1);
    assert_non_null(strstr(err, "PE0 is not wired"));
    assert_int_equal(vb_pin_parse(vb_pinmap_for("atmega328p"), "LED", &p, err, sizeof err), -1);
    assert_null(vb_pinmap_for("attiny85"));
}

static void durations_convert_to_cycles_at_the_board_clock(void **state) {
    (void)state;
    avr_t avr = {.frequency = 16000000};
    vb_core core = {.avr = &avr};
    uint64_t c;
    char err[128];
    assert_int_equal(vb_parse_duration(&core, "100", &c, err, sizeof err), 0);
    assert_int_equal(c, 1600);
    assert_int_equal(vb_parse_duration(&core, "100us", &c, err, sizeof err), 0);
    assert_int_equal(c, 1600);
    assert_int_equal(vb_parse_duration(&core, "2ms", &c, err, sizeof err), 0);
    assert_int_equal(c, 32000);
    assert_int_equal(vb_parse_duration(&core, "62.5ns", &c, err, sizeof err), 0);
    assert_int_equal(c, 1);
    assert_int_equal(vb_parse_duration(&core, "1601c", &c, err, sizeof err), 0);
    assert_int_equal(c, 1601);
    assert_int_equal(vb_parse_duration(&core, "1.5\xc2\xb5s", &c, err, sizeof err), 0);
    assert_int_equal(c, 24);
    assert_int_equal(vb_parse_duration(&core, "10 parsecs", &c, err, sizeof err), -1);
    assert_int_equal(vb_parse_duration(&core, "-5us", &c, err, sizeof err), -1);
    assert_int_equal(vb_parse_duration(&core, "fast", &c, err, sizeof err), -1);
    assert_non_null(strstr(err, "bad duration 'fast'"));
}

static void hex_accepts_spaces_and_refuses_odd_digits(void **state) {
    (void)state;
    uint8_t b[4];
    size_t n;
    char err[128];
    assert_int_equal(vb_parse_hex(" 00 ff:7E", b, sizeof b, &n, err, sizeof err), 0);
    assert_int_equal(n, 3);
    assert_int_equal(b[1], 0xff);
    assert_int_equal(b[2], 0x7e);
    assert_int_equal(vb_parse_hex("0f0", b, sizeof b, &n, err, sizeof err), -1);
    assert_string_equal(err, "odd number of hex digits");
    assert_int_equal(vb_parse_hex("zz", b, sizeof b, &n, err, sizeof err), -1);
    assert_int_equal(vb_parse_hex("0102030405", b, sizeof b, &n, err, sizeof err), -1);
    assert_int_equal(vb_parse_hex("", b, sizeof b, &n, err, sizeof err), -1);
}

static void byte_queue_keeps_order_across_the_wrap_and_counts_drops(void **state) {
    (void)state;
    vb_byte_queue q;
    size_t n;
    assert_int_equal(vb_bq_init(&q, 4), 0);
    assert_int_equal(vb_bq_push(&q, (const uint8_t *)"abc", 3), 3);
    vb_bq_pop(&q, 2);
    assert_int_equal(vb_bq_push(&q, (const uint8_t *)"defg", 4), 3); /* room for 3: c d e f */
    assert_int_equal(q.dropped, 1);
    const uint8_t *f = vb_bq_front(&q, &n); /* the run up to the end of the buffer */
    assert_int_equal(n, 2);
    assert_memory_equal(f, "cd", 2);
    vb_bq_pop(&q, 2);
    f = vb_bq_front(&q, &n);
    assert_int_equal(n, 2);
    assert_memory_equal(f, "ef", 2);
    vb_bq_free(&q);
}

static void board_config_takes_three_keys_and_names_bad_lines(void **state) {
    (void)state;
    char path[] = "/tmp/vboard-unit-XXXXXX";
    int fd = mkstemp(path);
    const char good[] = "# a board\nboard = mega2560\nmcu = atmega2560  # the MCU\nf_cpu = 16000000\npin.D2 = 2 in\n";
    assert_int_equal(write(fd, good, sizeof good - 1), (ssize_t)(sizeof good - 1));
    close(fd);
    vb_board_config bc;
    char err[256];
    assert_int_equal(vb_board_config_read(path, &bc, err, sizeof err), 0);
    assert_string_equal(bc.board, "mega2560");
    assert_string_equal(bc.mcu, "atmega2560");
    assert_int_equal(bc.f_cpu, 16000000);
    FILE *f = fopen(path, "w");
    fputs("board = uno\nf_cpu = fast\n", f);
    fclose(f);
    assert_int_equal(vb_board_config_read(path, &bc, err, sizeof err), -1);
    assert_non_null(strstr(err, ":2: f_cpu 'fast' is not a clock in Hz"));
    unlink(path);
    assert_int_equal(vb_board_config_read(path, &bc, err, sizeof err), -1);
}

static void frames_round_trip_and_a_flipped_bit_is_a_crc_error(void **state) {
    (void)state;
    uint8_t payload[] = {1, 0, 0, 0, 0x82, 0x00, 0x02, 0x19}, wire[80];
    size_t n = vb_frame_encode(VB_T_EVENTS, 7, payload, sizeof payload, wire);
    assert_int_equal(wire[n - 1], 0);
    for (size_t i = 0; i + 1 < n; i++) assert_int_not_equal(wire[i], 0);
    vb_frame_reader r = {0};
    vb_frame f;
    int got = 0;
    for (size_t i = 0; i < n; i++) got += vb_frame_feed(&r, wire[i], &f) == 1;
    assert_int_equal(got, 1);
    assert_int_equal(f.type, VB_T_EVENTS);
    assert_int_equal(f.seq, 7);
    vb_events_tally t = {0};
    vb_events_parse(&f, &t, NULL, NULL);
    assert_int_equal(t.edges, 2); /* pin 2 high at +0, pin 2 low at +25 */
    assert_int_equal(t.last_ts, 1 + 25);
    wire[3] ^= 0x10;
    got = 0;
    for (size_t i = 0; i < n; i++) got += vb_frame_feed(&r, wire[i], &f) == -1;
    assert_int_equal(got, 1);
    assert_int_equal(r.crc_errors + r.bad, 1);
    assert_int_equal(vb_crc16((const uint8_t *)"123456789", 9), 0x906E);
}

/* Byte timing on the simulated line, with the test firmware echoing 20 bytes at 1 Mbaud. */
static uint64_t tx_last, tx_gap_min = UINT64_MAX;
static void note_tx(void *ctx, uint8_t byte, uint64_t cycle) {
    (void)ctx;
    (void)byte;
    if (tx_last && cycle - tx_last < tx_gap_min) tx_gap_min = cycle - tx_last;
    tx_last = cycle;
}

static uint64_t echo_byte_cycles(const char *elf, int true_timing) {
    static vb_core core;
    char err[256];
    vb_core_options o = {.elf_path = elf, .mcu = "atmega328p"};
    assert_int_equal(vb_core_load(&core, &o, err, sizeof err), 0);
    if (true_timing) vb_uart_true_timing(&core);
    core.uart.on_tx = note_tx;
    tx_last = 0;
    tx_gap_min = UINT64_MAX;
    while (vb_core_now(&core) < 160000) vb_core_step(&core); /* boot */
    vb_uart_send_to_board(&core, (const uint8_t *)"0123456789abcdefghij", 20);
    while (vb_core_now(&core) < 320000) vb_core_step(&core);
    vb_core_free(&core);
    return tx_gap_min;
}

static void uart_bytes_take_real_8n1_time_unless_asked_otherwise(void **state) {
    (void)state;
    const char *elf = getenv("VBOARD_ECHO_ELF");
    if (!elf) skip();
    /* 1 Mbaud at 16 MHz is 16 cycles a bit: 160 cycles for 8N1, 176 with simavr's parity bit. */
    uint64_t real = echo_byte_cycles(elf, 1), simavr = echo_byte_cycles(elf, 0);
    assert_in_range(real, 160, 170);
    assert_in_range(simavr, 176, 186);
}

static int ihex_file(char *path, const char *text) {
    int fd = mkstemp(path);
    ssize_t n = write(fd, text, strlen(text));
    close(fd);
    return n == (ssize_t)strlen(text) ? 0 : -1;
}

/* The bootloader's hex: data placed at its addresses (also past a linear base), untouched bytes
 * kept, and each kind of bad file named in one line; 0x8000 and up is past a 32 KiB flash, which
 * is what Debian's packaged optiboot_atmega328.hex does (its 0x8000-0x8013). */
static void intel_hex_places_data_and_names_bad_files(void **state) {
    (void)state;
    static uint8_t flash[0x8000];
    memset(flash, 0xff, sizeof flash);
    char path[] = "/tmp/vboard-ihex-XXXXXX", err[256];
    uint32_t lo, hi;
    assert_int_equal(ihex_file(path, ":027E000011244B\r\n:0400000300007E007B\n:00000001FF\n"), 0);
    assert_int_equal(vb_ihex_read(path, flash, sizeof flash, &lo, &hi, err, sizeof err), 0);
    assert_int_equal(lo, 0x7e00);
    assert_int_equal(hi, 0x7e02);
    assert_int_equal(flash[0x7e00], 0x11);
    assert_int_equal(flash[0x7e01], 0x24);
    assert_int_equal(flash[0x7dff], 0xff);
    unlink(path);
    strcpy(path, "/tmp/vboard-ihex-XXXXXX");
    assert_int_equal(ihex_file(path, ":020000040000FA\n:02800000AABB19\n:00000001FF\n"), 0);
    assert_int_equal(vb_ihex_read(path, flash, sizeof flash, &lo, &hi, err, sizeof err), -1);
    assert_non_null(strstr(err, " writes 0x8000-0x8001, past the end of flash (0x0-0x7fff)"));
    unlink(path);
    strcpy(path, "/tmp/vboard-ihex-XXXXXX");
    assert_int_equal(ihex_file(path, ":00000001FF\n"), 0); /* parses, but holds nothing to load */
    assert_int_equal(vb_ihex_read(path, flash, sizeof flash, &lo, &hi, err, sizeof err), -1);
    assert_non_null(strstr(err, " holds no data"));
    unlink(path);
    strcpy(path, "/tmp/vboard-ihex-XXXXXX");
    assert_int_equal(ihex_file(path, ":027E000011244C\n"), 0);
    assert_int_equal(vb_ihex_read(path, flash, sizeof flash, &lo, &hi, err, sizeof err), -1);
    assert_non_null(strstr(err, ":1: bad checksum"));
    unlink(path);
    strcpy(path, "/tmp/vboard-ihex-XXXXXX");
    assert_int_equal(ihex_file(path, ":00000001FF\nhello\n"), 0); /* nothing is read after the end record */
    assert_int_equal(vb_ihex_read(path, flash, sizeof flash, &lo, &hi, err, sizeof err), -1);
    assert_non_null(strstr(err, " holds no data"));
    unlink(path);
    strcpy(path, "/tmp/vboard-ihex-XXXXXX");
    assert_int_equal(ihex_file(path, "\n:027E000011244B\n:02zz\n"), 0);
    assert_int_equal(vb_ihex_read(path, flash, sizeof flash, &lo, &hi, err, sizeof err), -1);
    assert_non_null(strstr(err, ":3: not an Intel hex record"));
    unlink(path);
    assert_int_equal(vb_ihex_read(path, flash, sizeof flash, &lo, &hi, err, sizeof err), -1);
    assert_non_null(strstr(err, "No such file"));
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(uno_pins_follow_the_arduino_standard_variant),
        cmocka_unit_test(mega_pins_follow_the_arduino_mega_variant),
        cmocka_unit_test(bad_pin_names_say_what_exists),
        cmocka_unit_test(durations_convert_to_cycles_at_the_board_clock),
        cmocka_unit_test(hex_accepts_spaces_and_refuses_odd_digits),
        cmocka_unit_test(byte_queue_keeps_order_across_the_wrap_and_counts_drops),
        cmocka_unit_test(board_config_takes_three_keys_and_names_bad_lines),
        cmocka_unit_test(frames_round_trip_and_a_flipped_bit_is_a_crc_error),
        cmocka_unit_test(uart_bytes_take_real_8n1_time_unless_asked_otherwise),
        cmocka_unit_test(intel_hex_places_data_and_names_bad_files),
    };
    return cmocka_run_group_tests_name("vboard unit", tests, NULL, NULL);
}
