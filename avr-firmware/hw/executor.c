#include "executor.h"
#include <avr/interrupt.h>
#include <avr/pgmspace.h>
#include <avr/sleep.h>
#include <avr/wdt.h>
#include "tasks.h"

typedef void (*task_fn)(void);

/* Bit i of `ready` runs tasks[i]. In flash: RAM is the scarcer resource on the 328P. */
static const task_fn tasks[] PROGMEM = {
    task_rx,
    task_events,
    task_adc,
    task_debounce,
#ifdef EXAMPLE_TASK
    EXAMPLE_TASK,
#endif
};
#define N_TASKS (sizeof tasks / sizeof tasks[0])

void executor_run(void)
{
    set_sleep_mode(SLEEP_MODE_IDLE); /* idle keeps the timers and the UART running */
    for (;;) {
        wdt_reset();
        cli();
        uint8_t r = ready;
        if (!r) {
            sleep_enable();
            sei();
            sleep_cpu(); /* runs right after sei: a wake that came after the check ends it */
            sleep_disable();
            continue;
        }
        ready = 0;
        sei();
        const task_fn *t = tasks;
        for (; r; r >>= 1, t++) /* lowest bit first; stops after the highest set bit */
            if (r & 1)
                ((task_fn)pgm_read_word(t))();
    }
}
