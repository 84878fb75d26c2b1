/* The core's tasks (one file each does the work; this header only lists them). The modules'
 * are declared in their module.h (modules/<name>/). */
#ifndef WW_TASKS_H
#define WW_TASKS_H

void task_rx(void);       /* dispatch.c */
void task_events(void);   /* events_task.c */
void task_debounce(void); /* edges.c */
#ifdef EXAMPLE_TASK
void EXAMPLE_TASK(void);
#endif

#endif
