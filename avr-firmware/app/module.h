/* The app runtime as a module: built in only by `make firmware APP=path/to/app` (firmware.mk
 * adds it to the modules; it is not in modules/, so the default build has none of it). The
 * user's tasks (APP_TASKS in the app's app.h) share TASK_USER0; ww.h is their API.
 * Hooks as in modules/analog/module.h, plus MODULE_EDGE_HOOK: edge_isr.S calls it for a
 * change of a watched pin (interrupts off, r20 = level << 7 | pin, r22..r25 = the tick). */
#ifndef WW_MODULE_APP_H
#define WW_MODULE_APP_H


#define MODULE_app_CAPS CAP_APP
#define MODULE_app_COMMANDS(X) X(CMD_MSG, ww_msg_command)
#define MODULE_app_PIN_COMMANDS(X)
#define MODULE_app_TASKS(X) X(TASK_USER0, ww_run)
#define MODULE_app_INITS(X) X(ww_start)
/* msg frames wait for TX room */
#define MODULE_app_TX_WAITERS TASK_USER0
#define MODULE_app_PIN_WRITES(X)
#define MODULE_EDGE_HOOK ww_edge_isr

#ifndef __ASSEMBLER__
#include <stdint.h>
struct command;
uint8_t ww_msg_command(const struct command *c, uint8_t *detail);
void ww_run(void);
void ww_start(void);
#endif

#endif
