/* The i2c module: an interrupt-driven TWI master (i2c.c). I2C runs one transaction (a write,
 * a read, or a write then a read after a repeated start) and answers it when the TWI ISR has
 * finished; transactions queue on the board. I2C_POLL makes the board itself read a register
 * at a fixed interval and send each reading with its board time (I2C_READINGS frames).
 * Built in with `make firmware MODULES=i2c` (the default builds every module); without it the
 * core has no TWI code, vector, task or state, NAKs I2C/I2C_POLL unknown_command and HELLO
 * lacks CAP_I2C. Hooks as modules/analog/module.h describes. */
#ifndef WW_MODULE_I2C_H
#define WW_MODULE_I2C_H

#define MODULE_i2c_CAPS CAP_I2C
#define MODULE_i2c_COMMANDS(X) X(CMD_I2C, i2c_command) X(CMD_I2C_POLL, i2c_poll_command)
#define MODULE_i2c_PIN_COMMANDS(X)
#define MODULE_i2c_TASKS(X) X(TASK_I2C, task_i2c)
#define MODULE_i2c_INITS(X)
/* It waits for TX room to answer a finished transaction or send a reading. */
#define MODULE_i2c_TX_WAITERS TASK_I2C
#define MODULE_i2c_PIN_WRITES(X)

/* The request queue, in bytes: each queued transaction takes 4 + max(bytes written, bytes
 * read) (its read bytes overwrite its written ones, which are sent first). A build may set it
 * (FW_EXTRA=-DI2C_QUEUE=...); the host learns it from the configure answer. */
#ifndef I2C_QUEUE
#define I2C_QUEUE 48
#endif
/* The most bytes one transaction writes or reads (an answer carries them in one frame). */
#define I2C_MAX_DATA 32

#ifndef __ASSEMBLER__
#include <stdint.h>
struct command;
uint8_t i2c_command(const struct command *c, uint8_t *detail);
uint8_t i2c_poll_command(const struct command *c, uint8_t *detail);
void task_i2c(void);
#endif

#endif
