/* Protothreads: stackless tasks in a few macros (after Adam Dunkels' pt.h).
 *
 * LIMITATION, read this first: a task's local variables DO NOT SURVIVE A WAIT. PT_WAIT_UNTIL
 * returns from the task function, and the next run re-enters it through a switch, so any
 * value needed after a wait must live in a static (or a struct the task owns). Also: no
 * `switch` statement of your own may contain a wait (the macros are a switch themselves).
 *
 * What it costs: two bytes of state per task (the line to resume at). What it buys: a task
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
    uint16_t resume; /* 0 = start; else the __LINE__ of the wait to resume at */
};

#define PT_BEGIN(pt) switch ((pt)->resume) { case 0:
#define PT_WAIT_UNTIL(pt, cond)                                                           \
    do {                                                                                  \
        (pt)->resume = __LINE__;                                                          \
        /* fall through */                                                                \
    case __LINE__:                                                                        \
        if (!(cond))                                                                      \
            return;                                                                       \
    } while (0)
#define PT_END(pt) } (pt)->resume = 0

#endif
