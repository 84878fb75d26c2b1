/* The stream module: STREAM, board-timed analog sampling. Timer1 (CTC, clk/64: the same 4 us
 * tick as the clock, from the same prescaler) raises compare match B once per interval, and
 * that flag is the ADC's auto-trigger: the conversions start on the hardware's time, not when
 * the firmware gets round to it. The ADC-complete ISR (stream.c) stores value, channel and the
 * tick of the trigger in a ring, points the ADC at the next channel of the round-robin, and
 * clears the flag (the ADC triggers on its rising edge); TASK_STREAM sends SAMPLES frames, with
 * LOST markers for a full ring, like EVENTS. Needs the analog module (they share the ADC and its
 * vector: adc_isr.S jumps here while auto-trigger is on). See PROTOCOL.md, STREAM and SAMPLES. */
#ifndef WW_MODULE_STREAM_H
#define WW_MODULE_STREAM_H

#ifndef WW_MODULE_ANALOG_H
#error "module stream needs module analog (MODULES=\"analog stream\")"
#endif

#define TASK_STREAM_BIT 5
#define TASK_STREAM (1 << TASK_STREAM_BIT)

/* adc_isr.S branches to stream_adc_isr while ADATE is set */
#define STREAM_ADC_HOOK 1

#define MODULE_stream_CAPS CAP_STREAM
#define MODULE_stream_COMMANDS(X) X(CMD_STREAM, stream_command)
#define MODULE_stream_PIN_COMMANDS(X)
#define MODULE_stream_TASKS(X) X(TASK_STREAM, task_stream)
#define MODULE_stream_INITS(X)
#define MODULE_stream_TX_WAITERS TASK_STREAM
#define MODULE_stream_PIN_WRITES(X)

#ifndef __ASSEMBLER__
#include <stdint.h>
struct command;
uint8_t stream_command(const struct command *c, uint8_t *detail);
void task_stream(void);
#endif

#endif
