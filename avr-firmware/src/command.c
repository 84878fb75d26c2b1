#include "command.h"
#include "flash.h"
#include "protocol.h"

#ifdef __AVR__
#include "modules.h"
/* The modules' commands built in, one bit each over CMD_HELLO: the table below ends at the last
 * of them, so a core build carries no rows for commands it would refuse anyway (10 B: the Mega's
 * core had 4 B to spare when the modules' commands came). */
#define CMD_BIT(type, f) | 1UL << ((type) - CMD_HELLO)
#define MODULE_CMD_BITS (0 MODULE_COMMANDS(CMD_BIT) MODULE_PIN_COMMANDS(CMD_BIT))
#else
#define MODULE_CMD_BITS 0xFFFFFFFFUL /* host tests and the fuzzer: every command */
#endif
#define ROW_FOR(type) (MODULE_CMD_BITS >> ((type) - CMD_HELLO)) /* some module's command at or after type */

/* Per command, indexed by type - CMD_HELLO: the minimum payload length (req_id included) and
 * the largest valid value of the argument at payload offset 2 (0xFF: any value goes). One
 * table instead of a switch per check. A type past its end, or a module's whose module is not
 * built in (dispatch.c), is NAKed unknown_command. */
static const uint8_t limits[][2] FLASH = {
    {1, 0xFF}, /* HELLO */
    {3, 2},    /* PIN_MODE: pin, mode 0..2 */
    {5, 3},    /* ARM: pin, edges 0..3, debounce u16 */
    {3, 1},    /* DIGITAL_WRITE: pin, level 0..1 */
    {3, 0xFF}, /* PWM_WRITE: pin, duty */
    {2, 0xFF}, /* ANALOG_READ: channel */
    {1, 0xFF}, /* PING: 0..8 bytes */
    {1, 0xFF}, /* CLOCK */
    {1, 0xFF}, /* STATS */
    {1, 0xFF}, /* RESET_CAUSE */
    {2, 0xFF}, /* READ_PIN: pin */
#if ROW_FOR(CMD_STREAM)
    {5, 0xFF}, /* STREAM: channel mask u16, interval u16 (module stream) */
#endif
#if ROW_FOR(CMD_MSG)
    {2, 0xFF}, /* MSG: topic, 0..WW_MSG_MAX bytes (the app runtime checks the length) */
#endif
#if ROW_FOR(CMD_SERVO)
    {3, 1},    /* SERVO: pin, op 0 detach / 1 pulse (then ticks u16 at offset 3) */
#endif
#if ROW_FOR(CMD_I2C)
    {3, 0xFF}, /* I2C: addr, nread, bytes to write (module i2c checks them) */
#endif
#if ROW_FOR(CMD_I2C_POLL)
    {6, 0xFF}, /* I2C_POLL: addr, reg, n, interval_ms u16 (module i2c checks them) */
#endif
};

uint8_t command_parse(const uint8_t *body, uint8_t len, struct command *c, uint8_t *detail)
{
    const uint8_t *p = body + 2;
    uint8_t n = (uint8_t)(len - 2), type = body[0], i = (uint8_t)(type - CMD_HELLO);
    c->type = type;
    c->req = n ? p[0] : 0;
    if (i >= sizeof limits / sizeof limits[0] || !flash_byte(&limits[i][0])) {
        *detail = type;
        return NAK_UNKNOWN_COMMAND;
    }
    if (n < flash_byte(&limits[i][0]) || (type == CMD_PING && n > 1 + PING_MAX)) {
        *detail = n;
        return NAK_BAD_LENGTH;
    }
    c->pin = n > 1 ? p[1] : 0;
    c->arg = n > 2 ? p[2] : 0;
    c->debounce = n > 4 ? (uint16_t)(p[3] | (uint16_t)p[4] << 8) : 0;
    c->data = p + 1;
    c->data_len = (uint8_t)(n - 1);
    if (c->arg > flash_byte(&limits[i][1])) { /* an absent argument reads 0: always valid */
        *detail = 2;
        return NAK_BAD_ARGUMENT;
    }
    return 0;
}
