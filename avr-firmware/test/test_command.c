/* The command parser: what it accepts, and the NAK it gives for each kind of malformed command. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "command.h"
#include "protocol.h"

static uint8_t parse(const uint8_t *body, uint8_t len, struct command *c, uint8_t *detail)
{
    *detail = 0xEE;
    return command_parse(body, len, c, detail);
}

static void arm_unpacks_pin_edges_and_debounce(void **state)
{
    (void)state;
    const uint8_t body[] = {CMD_ARM, 9, 42, 14, 3, 0xE2, 0x04};
    struct command c;
    uint8_t detail;
    assert_int_equal(parse(body, sizeof body, &c, &detail), 0);
    assert_int_equal(c.req, 42);
    assert_int_equal(c.pin, 14);
    assert_int_equal(c.arg, 3);
    assert_int_equal(c.debounce, 1250);
}

static void ping_echoes_up_to_eight_bytes_and_refuses_nine(void **state)
{
    (void)state;
    uint8_t body[2 + 1 + 9] = {CMD_PING, 0, 5, 1, 2, 3, 4, 5, 6, 7, 8, 9};
    struct command c;
    uint8_t detail;
    assert_int_equal(parse(body, 3, &c, &detail), 0);
    assert_int_equal(c.data_len, 0);
    assert_int_equal(parse(body, 11, &c, &detail), 0);
    assert_int_equal(c.data_len, 8);
    assert_int_equal(c.data[7], 8);
    assert_int_equal(parse(body, 12, &c, &detail), NAK_BAD_LENGTH);
    assert_int_equal(detail, 10);
    assert_int_equal(c.req, 5);
}

static void short_commands_are_bad_length_with_the_length_received(void **state)
{
    (void)state;
    const uint8_t body[] = {CMD_ARM, 0, 7, 2, 3, 0};
    struct command c;
    uint8_t detail;
    for (uint8_t len = 2; len < sizeof body; len++) {
        assert_int_equal(parse(body, len, &c, &detail), NAK_BAD_LENGTH);
        assert_int_equal(detail, len - 2);
        assert_int_equal(c.req, len > 2 ? 7 : 0);
    }
}

static void extra_trailing_bytes_are_ignored(void **state)
{
    (void)state;
    const uint8_t body[] = {CMD_DIGITAL_WRITE, 0, 7, 13, 1, 0xAA, 0xBB};
    struct command c;
    uint8_t detail;
    assert_int_equal(parse(body, sizeof body, &c, &detail), 0);
    assert_int_equal(c.pin, 13);
    assert_int_equal(c.arg, 1);
}

static void out_of_range_arguments_name_their_offset(void **state)
{
    (void)state;
    const uint8_t mode[] = {CMD_PIN_MODE, 0, 1, 4, 3};
    const uint8_t edges[] = {CMD_ARM, 0, 1, 4, 4, 0, 0};
    const uint8_t level[] = {CMD_DIGITAL_WRITE, 0, 1, 4, 255};
    const uint8_t duty[] = {CMD_PWM_WRITE, 0, 1, 4, 255};
    struct command c;
    uint8_t detail;
    assert_int_equal(parse(mode, sizeof mode, &c, &detail), NAK_BAD_ARGUMENT);
    assert_int_equal(detail, 2);
    assert_int_equal(parse(edges, sizeof edges, &c, &detail), NAK_BAD_ARGUMENT);
    assert_int_equal(parse(level, sizeof level, &c, &detail), NAK_BAD_ARGUMENT);
    assert_int_equal(parse(duty, sizeof duty, &c, &detail), 0);
}

static void every_type_outside_the_command_range_is_unknown(void **state)
{
    (void)state;
    struct command c;
    uint8_t detail;
    for (int t = 0; t < 256; t++) {
        uint8_t body[] = {(uint8_t)t, 0, 1, 2, 1, 0, 0, 0};
        uint8_t nak = parse(body, sizeof body, &c, &detail);
        if (t >= CMD_HELLO && t <= CMD_I2C_POLL) { /* the modules' too: dispatch.c refuses an absent one */
            assert_int_not_equal(nak, NAK_UNKNOWN_COMMAND);
        } else {
            assert_int_equal(nak, NAK_UNKNOWN_COMMAND);
            assert_int_equal(detail, t);
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(arm_unpacks_pin_edges_and_debounce),
        cmocka_unit_test(ping_echoes_up_to_eight_bytes_and_refuses_nine),
        cmocka_unit_test(short_commands_are_bad_length_with_the_length_received),
        cmocka_unit_test(extra_trailing_bytes_are_ignored),
        cmocka_unit_test(out_of_range_arguments_name_their_offset),
        cmocka_unit_test(every_type_outside_the_command_range_is_unknown),
    };
    return cmocka_run_group_tests_name("command parser", tests, NULL, NULL);
}
