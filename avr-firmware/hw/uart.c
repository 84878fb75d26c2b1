#include "uart.h"
#include <avr/interrupt.h>
#include "critical.h"
#include "protocol.h"

#ifndef BAUD
#error "BAUD is not set: firmware.mk takes it from board-configs/<board>.conf (baud) or BAUD=..."
#endif
#define BAUD_TOL 3
#include <util/setbaud.h>
/* setbaud.h only warns; a link that cannot be made within 3% must not build at all. 3%, not
 * 2%: 115200 from 16 MHz is 2.1% fast (UBRR 16, U2X), as on every Arduino, and still inside
 * the ~4.5% an 8N1 receiver tolerates when the other side is exact. */
#if USE_2X
#define BAUD_REAL (F_CPU / (8UL * (UBRR_VALUE + 1UL)))
#else
#define BAUD_REAL (F_CPU / (16UL * (UBRR_VALUE + 1UL)))
#endif
#if (BAUD_REAL > BAUD && (BAUD_REAL - BAUD) * 100UL > 3UL * BAUD) || \
    (BAUD_REAL < BAUD && (BAUD - BAUD_REAL) * 100UL > 3UL * BAUD)
#error "BAUD cannot be made from F_CPU within 3%: check baud in board-configs/<board>.conf or BAUD="
#endif

/* The rings and their indices are read and written by uart_isr.S too, hence not static. */
uint8_t tx_buf[TX_SIZE];
struct tx_ring_ref tx; /* buf and mask set by uart_init: no .data, no start-up copy loop */
#define TX_HEAD (*(volatile uint8_t *)&tx.head) /* as the ISR must read it */
/* The ISR's read index lives in GPIOR1, an I/O register: 1-cycle access in the per-byte ISR. */
#define tx_tail GPIOR1
uint8_t rx_buf[RX_SIZE];
volatile uint8_t rx_head, rx_tail;
struct link_stats link_stats;

void uart_init(void)
{
    tx.buf = tx_buf;
    tx.mask = TX_SIZE - 1;
    /* UCSR0A and UCSR0C before UBRR: simavr computes the baud when UBRR is written. */
#if USE_2X
    UCSR0A = 1 << U2X0;
#else
    UCSR0A = 0;
#endif
    UCSR0C = 1 << UCSZ01 | 1 << UCSZ00; /* 8N1 */
    UBRR0H = UBRRH_VALUE;
    UBRR0L = UBRRL_VALUE;
    UCSR0B = UCSR0B_IDLE;
}

uint8_t tx_free(void) { return (uint8_t)(TX_SIZE - (uint8_t)(tx.head - tx_tail)); }

uint8_t tx_started(void) { return (uint8_t)(tx_tail - tx.head) == 1; }

void tx_commit(uint8_t new_head)
{
    tx.seq++;
    CRITICAL {
        TX_HEAD = new_head;
        UCSR0B = UCSR0B_IDLE | 1 << UDRIE0;
    }
}

uint8_t rx_available(void) { return rx_head != rx_tail; }

uint8_t rx_take(void)
{
    uint8_t t = rx_tail, b = rx_buf[t & (RX_SIZE - 1)];
    rx_tail = (uint8_t)(t + 1);
    return b;
}
