/* USART0's two interrupts, in assembly (the rings and the task-side functions are in uart.c).
 *
 * Why assembly: avr-gcc 5.4 wraps every C ISR in a fixed prologue (r0, r1, SREG, clr r1) and
 * saves whatever the body touches; for handlers this small that wrapper was a third of their
 * size. Here each saves only what it uses and never relies on r1 being zero.
 *
 * RX: the byte goes into the 32-byte ring and TASK_RX wakes. A byte that finds the ring full
 * is lost and counted (drop source RX and rx_overruns); a hardware overrun (DOR: a byte lost
 * before this one) is counted in rx_overruns.
 * UDRE: one byte from the TX ring into UDR0; when the ring is empty the interrupt turns itself
 * off; when the free space grows back to what a frame needs (uart.h), the tasks that wait for
 * it wake. */
#include <avr/io.h>
#include PINS_MCU_H
#include "asm_layout.h"
#include "executor.h"
#include "protocol.h"
#include "uart.h"

    .section .text.uart_isr, "ax", @progbits

    .global RX_VECT
RX_VECT:
    push r24
    in   r24, _SFR_IO_ADDR(SREG)
    push r24
    push r25
    push r30
    push r31
    lds  r25, UCSR0A /* DOR0 is valid until UDR0 is read */
    lds  r24, UDR0
    lds  r30, rx_head
    lds  r31, rx_tail
    neg  r31
    add  r31, r30 /* bytes waiting */
    cpi  r31, RX_SIZE
    brsh rx_full
    mov  r31, r30
    inc  r31
    sts  rx_head, r31
    andi r30, RX_SIZE - 1
    element_of r30, r31, rx_buf
    st   Z, r24
    ldi  r24, 0 /* bytes lost */
    rjmp 1f
rx_full:
    ldi  r30, lo8(drop_count + 2 * SRCI_RX)
    ldi  r31, hi8(drop_count + 2 * SRCI_RX)
    ld   r24, Z
    subi r24, 0xFF /* + 1 ... */
    st   Z+, r24
    ld   r24, Z
    sbci r24, 0xFF /* ... carried into the high byte */
    st   Z, r24
    ldi  r24, 1
1:  sbrc r25, DOR0
    inc  r24
    lds  r30, link_stats + LS_RX_OVERRUNS
    lds  r31, link_stats + LS_RX_OVERRUNS + 1
    add  r30, r24
    ldi  r24, 0
    adc  r31, r24
    sts  link_stats + LS_RX_OVERRUNS, r30
    sts  link_stats + LS_RX_OVERRUNS + 1, r31
    sbi  _SFR_IO_ADDR(GPIOR0), TASK_RX_BIT
    pop  r31
    pop  r30
    pop  r25
    pop  r24
    out  _SFR_IO_ADDR(SREG), r24
    pop  r24
    reti

/* The TX ring's read index is GPIOR1 (1-cycle access); tx.head is written by tx_commit with
 * interrupts off. */
    .global UDRE_VECT
UDRE_VECT:
    push r24
    in   r24, _SFR_IO_ADDR(SREG)
    push r24
    push r30
    push r31
    in   r24, _SFR_IO_ADDR(GPIOR1)
    mov  r30, r24
    andi r30, TX_SIZE - 1
    element_of r30, r31, tx_buf
    ld   r30, Z
    sts  UDR0, r30
    inc  r24
    out  _SFR_IO_ADDR(GPIOR1), r24
    lds  r30, tx + TXR_HEAD
    sub  r30, r24 /* bytes still queued */
    brne 1f
    ldi  r24, UCSR0B_IDLE /* empty: UDRIE off */
    sts  UCSR0B, r24
    rjmp 2f
1:  cpi  r30, TX_SIZE - MAX_WIRE
    breq 2f
    cpi  r30, TX_SIZE - MAX_ANSWER_WIRE
    brne 3f
2:  in   r24, _SFR_IO_ADDR(GPIOR0)
    ori  r24, TASKS_WAITING_FOR_TX
    out  _SFR_IO_ADDR(GPIOR0), r24
3:  pop  r31
    pop  r30
    pop  r24
    out  _SFR_IO_ADDR(SREG), r24
    pop  r24
    reti
