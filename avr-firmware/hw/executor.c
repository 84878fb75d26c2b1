#include "executor.h"
#include <avr/interrupt.h>
#include <avr/sleep.h>
#include <avr/wdt.h>
#include "tasks.h"

#define CALL_TASK(bit, task) \
    if (r & (bit))           \
        task();

void executor_run(void)
{
    /* The sleep mode is idle (it keeps the timers and the UART running): SMCR's mode bits
     * are 0 after reset and nothing writes them, so no set_sleep_mode(). */
    _Static_assert(SLEEP_MODE_IDLE == 0, "idle is not the reset value of the mode bits");
    for (;;) {
        wdt_reset();
        cli();
        uint8_t r = ready;
        if (!r) {
            sleep_enable();
            sei();
            sleep_cpu(); /* runs right after sei: a wake that came after the check ends it */
            continue;
        }
        /* SE stays set from the sleep until a task is about to run: the edge ISR reads it as "no
         * task is writing a frame" and then starts the line itself (edge_isr.S). Cleared right
         * after the wake, it left a window of a few cycles after every wake with no task to run
         * (Timer0's overflow, every 1.024 ms) in which an edge waited ~100 us for TASK_EVENTS. */
        sleep_disable();
        ready = 0;
        sei();
        /* Lowest bit first. Direct calls, not a table of function pointers: LTO folds each
         * task (one caller each) into this loop, which saved 64 B of calls, prologues and
         * the table; a new core task bit needs a line here, a module's comes from its
         * MODULE_TASKS list. */
        if (r & TASK_EVENTS)
            task_events();
        if (r & TASK_RX)
            task_rx();
        MODULE_TASKS(CALL_TASK) /* the modules' tasks (modules.h), between RX and debounce */
        if (r & TASK_DEBOUNCE)
            task_debounce();
#ifdef EXAMPLE_TASK
        if (r & TASK_USER0)
            EXAMPLE_TASK();
#endif
    }
}
