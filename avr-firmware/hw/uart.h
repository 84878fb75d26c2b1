/* USART0: interrupt-driven both ways, never busy-waiting. The two ISRs are in uart_isr.S.
 *
 * RX: the RX-complete ISR moves each byte into a 32-byte ring and wakes TASK_RX; a byte that
 * finds the ring full is dropped and counted (drop source RX and rx_overruns), as is every
 * hardware overrun (DOR). TX: tasks write whole frames into a 128-byte ring (frame_writer.h),
 * then tx_commit() publishes them and enables the data-register-empty ISR, which sends one
 * byte per interrupt and turns itself off when the ring is empty.
 *
 * Back-pressure: a task that needs TX space (MAX_WIRE for an EVENTS frame, MAX_ANSWER_WIRE
 * for an answer) and finds less simply returns; the UDRE ISR wakes TASKS_WAITING_FOR_TX
 * when the free space grows back to either, and when the ring empties.
 * Trade-offs: 160 bytes of RAM; at most one full frame can wait behind the one on the wire. */
#ifndef WW_UART_H
#define WW_UART_H

#define TX_SIZE 128 /* power of two */
#define RX_SIZE 32  /* power of two */
/* UCSR0B while nothing waits to be sent: receiver, transmitter, RX interrupt (UDRIE off). */
#define UCSR0B_IDLE (1 << RXEN0 | 1 << TXEN0 | 1 << RXCIE0)

#ifndef __ASSEMBLER__ /* the numbers above are shared with uart_isr.S */
#include <stdint.h>
#include "answers.h"

void uart_init(void);

/* TX side, task context: write a frame at &tx (answers.h, events.h), then publish it. */
extern struct tx_ring_ref tx;        /* tx.head: where the next frame goes; tx.seq: its seq */
uint8_t tx_free(void);
void tx_commit(uint8_t new_head);
/* True when the edge ISR has sent the first byte of the frame at tx.head (edge_isr.S): the
 * read index is one past the head, and TASK_EVENTS must write that frame next. */
uint8_t tx_started(void);

/* RX side, task context. */
uint8_t rx_available(void);
uint8_t rx_take(void);

extern struct link_stats link_stats; /* rx_overruns written by the RX ISR */

#endif /* __ASSEMBLER__ */
#endif
