/* Protothreads: stackless tasks in a few macros (after Adam Dunkels' pt.h).
 *
 * LIMITATION, read this first: a task's local variables DO NOT SURVIVE A WAIT. PT_WAIT_UNTIL
 * returns from the task function, and the next run jumps back to the wait, so any value
 * needed after a wait must live in a static (or a struct the task owns). At most one wait
 * per source line (the line number names the resume label).
 *
 * What it costs: two bytes of state per task (the address to resume at). What it buys: a task
 * reads top to bottom, like the host's async/await, on a chip with 2 KB of RAM and no room
 * for a stack per task.
 *
 *   static struct pt pt;
 *   void task_blink(void) {
 *       PT_BEGIN(&pt);
 *       for (;;) {
 *           timeout_after(TIMEOUT_USER0, 500, TASK_USER0);
 *           PT_WAIT_UNTIL(&pt, timeout_done(TIMEOUT_USER0));
 *           toggle();
 *       }
 *       PT_END(&pt);
 *   }
 *
 * A waiting task is re-run only when its ready bit is set (executor.h): whatever it waits for
 * must wake it (an ISR, timeout_after's task bits, edge_watch, another task's wake()). */
#ifndef WW_PT_H
#define WW_PT_H
#include <stdint.h>

struct pt {
    void *resume; /* 0 = start; else the address of the wait to resume at */
};

/* GCC's labels as values (avr-gcc and the host compilers all have them): resuming is one
 * indirect jump, where a switch on __LINE__ was a chain of 16-bit compares, one per wait. */
#define PT_LABEL2(line) pt_wait_##line
#define PT_LABEL(line) PT_LABEL2(line)
#define PT_BEGIN(pt)                  \
    do {                              \
        if ((pt)->resume)             \
            goto *(pt)->resume;       \
    } while (0)
#define PT_WAIT_UNTIL(pt, cond)                     \
    do {                                            \
        PT_LABEL(__LINE__) :                        \
        if (!(cond)) {                              \
            (pt)->resume = &&PT_LABEL(__LINE__);    \
            return;                                 \
        }                                           \
    } while (0)
#define PT_END(pt) (pt)->resume = 0

#endif
