#include "command.h"
#include "protocol.h"

/* Minimum payload length (req_id included) of each command, indexed by type - CMD_HELLO. */
static const uint8_t min_payload[] = {
    1, /* HELLO */
    3, /* PIN_MODE: pin, mode */
    5, /* ARM: pin, edges, debounce u16 */
    3, /* DIGITAL_WRITE: pin, level */
    3, /* PWM_WRITE: pin, duty */
    2, /* ANALOG_READ: channel */
    1, /* PING: 0..8 bytes */
    1, /* CLOCK */
    1, /* STATS */
    1, /* RESET_CAUSE */
};

/* Largest valid value of the argument at payload offset 2, or 0xFF when any value goes. */
static uint8_t arg_max(uint8_t type)
{
    switch (type) {
    case CMD_PIN_MODE: return 2;
    case CMD_ARM: return 3;
    case CMD_DIGITAL_WRITE: return 1;
    default: return 0xFF;
    }
}

uint8_t command_parse(const uint8_t *body, uint8_t len, struct command *c, uint8_t *detail)
{
    const uint8_t *p = body + 2;
    uint8_t n = (uint8_t)(len - 2);
    c->type = body[0];
    c->req = n ? p[0] : 0;
    if (c->type < CMD_HELLO || c->type > CMD_RESET_CAUSE) {
        *detail = c->type;
        return NAK_UNKNOWN_COMMAND;
    }
    if (n < min_payload[c->type - CMD_HELLO] || (c->type == CMD_PING && n > 1 + PING_MAX)) {
        *detail = n;
        return NAK_BAD_LENGTH;
    }
    c->pin = n > 1 ? p[1] : 0;
    c->arg = n > 2 ? p[2] : 0;
    c->debounce = n > 4 ? (uint16_t)(p[3] | (uint16_t)p[4] << 8) : 0;
    c->data = p + 1;
    c->data_len = (uint8_t)(n - 1);
    if (n > 2 && c->arg > arg_max(c->type)) {
        *detail = 2;
        return NAK_BAD_ARGUMENT;
    }
    return 0;
}
