/*
 * A tiny firmware to test the virtual board without the real one (16 MHz; built for the
 * ATmega328P and the ATmega2560, whose Arduino pins differ):
 * - UART0 at 1 Mbaud: every received byte is echoed back; 'h' / 'l' set D13 high / low;
 *   'a' starts an ADC conversion on A0 and sends 'A' + the 10-bit result (2 bytes, LE).
 * - INT0 (D2 on the Uno, D21 on the Mega), any edge: the ISR reads TCNT0 and the main loop
 *   sends 'E', the pin level ('0'/'1') and the timer byte.
 * - 'w' turns the watchdog on (15 ms) and stops feeding it: the board resets itself.
 * - Prints "HI\n" on boot; sleeps (idle mode) whenever it has nothing to do.
 */
#include <avr/interrupt.h>
#include <avr/io.h>
#include <avr/sleep.h>
#include <avr/wdt.h>
#include <stdint.h>

#if defined(__AVR_ATmega2560__)
#define RX_VECT USART0_RX_vect
#define INT0_BIT PD0 /* D21 */
#define LED_BIT PB7  /* D13 */
#else
#define RX_VECT USART_RX_vect
#define INT0_BIT PD2 /* D2 */
#define LED_BIT PB5  /* D13 */
#endif

static volatile uint8_t rx_buf[32], rx_head, rx_tail;
static volatile uint8_t edge_pending, edge_level, edge_ts;

ISR(RX_VECT) {
    uint8_t b = UDR0;
    uint8_t next = (uint8_t)((rx_head + 1) & 31);
    if (next != rx_tail) {
        rx_buf[rx_head] = b;
        rx_head = next;
    }
}

ISR(INT0_vect) {
    edge_ts = TCNT0;
    edge_level = (PIND >> INT0_BIT) & 1;
    edge_pending = 1;
}

static void put(uint8_t b) {
    while (!(UCSR0A & _BV(UDRE0))) {}
    UDR0 = b;
}

int main(void) {
    MCUSR = 0;
    wdt_disable(); /* after a watchdog reset it stays on, at the shortest timeout */
    UCSR0A = _BV(U2X0);
    UCSR0C = _BV(UCSZ01) | _BV(UCSZ00);
    UBRR0H = 0;
    UBRR0L = 1; /* 16 MHz / (8 * 2) = 1 Mbaud */
    UCSR0B = _BV(RXEN0) | _BV(TXEN0) | _BV(RXCIE0);
    DDRB |= _BV(LED_BIT);         /* D13 out */
    PORTD |= _BV(INT0_BIT);       /* pull-up on the INT0 pin, as a button would have */
    TCCR0B = _BV(CS01) | _BV(CS00); /* timer0 at clk/64 */
    EICRA = _BV(ISC00);           /* INT0 on any change */
    EIMSK = _BV(INT0);
    ADMUX = _BV(REFS0);           /* AVcc reference, channel 0 */
    ADCSRA = _BV(ADEN) | _BV(ADPS2) | _BV(ADPS1) | _BV(ADPS0);
    sei();
    put('H');
    put('I');
    put('\n');
    set_sleep_mode(SLEEP_MODE_IDLE);
    for (;;) {
        cli();
        if (rx_head == rx_tail && !edge_pending) {
            sleep_enable();
            sei();
            sleep_cpu();
            sleep_disable();
            continue;
        }
        sei();
        if (edge_pending) {
            edge_pending = 0;
            put('E');
            put((uint8_t)('0' + edge_level));
            put(edge_ts);
        }
        while (rx_head != rx_tail) {
            uint8_t b = rx_buf[rx_tail];
            rx_tail = (uint8_t)((rx_tail + 1) & 31);
            if (b == 'h') PORTB |= _BV(LED_BIT);
            if (b == 'l') PORTB &= (uint8_t)~_BV(LED_BIT);
            if (b == 'w') wdt_enable(WDTO_15MS);
            if (b == 'a') {
                ADCSRA |= _BV(ADSC);
                while (ADCSRA & _BV(ADSC)) {}
                uint16_t v = ADC;
                put('A');
                put((uint8_t)v);
                put((uint8_t)(v >> 8));
            }
            put(b);
        }
    }
}
