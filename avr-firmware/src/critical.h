/* A critical section: interrupts off on the AVR (restoring the previous state), nothing on
 * the host, where the pure logic runs single-threaded in tests and the fuzzer. */
#ifndef WW_CRITICAL_H
#define WW_CRITICAL_H

#ifdef __AVR__
#include <util/atomic.h>
#define CRITICAL ATOMIC_BLOCK(ATOMIC_RESTORESTATE)
/* In a task, where interrupts are always on (executor.c): sei at the end instead of restoring
 * SREG, 2 B less each. */
#define CRITICAL_IN_TASK ATOMIC_BLOCK(ATOMIC_FORCEON)
#else
#define CRITICAL for (int critical_once_ = 1; critical_once_; critical_once_ = 0)
#define CRITICAL_IN_TASK CRITICAL
#endif

#endif
