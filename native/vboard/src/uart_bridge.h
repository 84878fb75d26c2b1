/*
 * uart_bridge: the board's UART0 as two byte streams, in the simulation thread.
 *
 * Board to host: every byte the firmware writes to UDR0 reaches the on_tx callback at the
 * cycle of the write (simavr raises its output IRQ there, not when the byte has left the
 * shift register). Host to board: bytes wait in a queue and enter simavr's 64-byte RX FIFO
 * while it has room (XON/XOFF IRQs, and a check of the FIFO itself because simavr raises
 * XON only when the firmware empties it); simavr then hands them to the firmware at the
 * line rate. Bytes that arrive while the firmware's receiver is still off stay queued
 * until it turns it on, instead of being lost as on real hardware: a test that writes as
 * soon as it opens the port should not depend on the boot time.
 *
 * simavr 1.6 counts 11 bits per byte (start, 8 data, a parity bit it always adds, stop),
 * so at a given baud its line is 10% slower than real 8N1. vb_uart_true_timing() corrects
 * that: it wraps simavr's UBRR write handler and, when the frame has no parity, takes the
 * phantom bit out of simavr's cycles per byte (which paces both TX and RX). Trade-off: it
 * reaches into simavr's UART state (same-version headers), and like simavr it computes the
 * timing when UBRR is written, so a frame format changed afterwards is not seen.
 */
#ifndef VB_UART_BRIDGE_H
#define VB_UART_BRIDGE_H

#include <stdint.h>

#include "byte_queue.h"

struct vb_core;
struct avr_irq_t;
struct avr_uart_t;
struct avr_t;

typedef struct vb_uart_bridge {
    struct avr_uart_t *uart;   /* simavr's UART0 module, to look at RXEN and its FIFO */
    struct avr_irq_t *irq_in;  /* raise a byte here to put it on the board's RX line */
    int xoff;                  /* simavr said its RX FIFO is full */
    vb_byte_queue to_board;    /* host bytes waiting for FIFO room */
    uint64_t tx_bytes;         /* bytes the firmware wrote to UDR0 */
    uint64_t rx_bytes;         /* bytes handed to simavr's RX FIFO */
    uint64_t last_tx_cycle;    /* core time of the latest UDR0 write */
    int true_timing;           /* simavr's phantom parity bit removed (vb_uart_true_timing) */
    void *ubrr_param[2];       /* simavr's own UBRRnL / UBRRnH write handlers, called first */
    void (*ubrr_write[2])(struct avr_t *, uint16_t, uint8_t, void *);
    /* Board-to-host sink, set by the front end; called in the simulation thread. */
    void (*on_tx)(void *ctx, uint8_t byte, uint64_t cycle);
} vb_uart_bridge;

/* Finds UART `name` ('0') and hooks its IRQs. Returns -1 with a reason when the MCU has none. */
int vb_uart_attach(struct vb_core *core, char name, char *err, unsigned errlen);
/* Turns off simavr's own console echo and poll-sleep (its echo would corrupt stdout). */
void vb_uart_quiet(struct vb_core *core);
/* Real 8N1 byte timing instead of simavr's 11 bits per byte (see above). */
void vb_uart_true_timing(struct vb_core *core);
/* Cycles per byte the simulated line takes now. */
uint64_t vb_uart_cycles_per_byte(struct vb_core *core);
/* Queues host-to-board bytes; returns how many fit. */
unsigned vb_uart_send_to_board(struct vb_core *core, const uint8_t *data, unsigned n);
/* Moves queued bytes into the FIFO while it has room; call from a cycle timer. */
void vb_uart_pump(struct vb_core *core);

#endif
