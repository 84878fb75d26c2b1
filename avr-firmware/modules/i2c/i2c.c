/* The i2c module's C: the I2C and I2C_POLL commands, the request queue, TASK_I2C and the TWI
 * ISR (module.h says what they do; PROTOCOL.md has the frames).
 *
 * One buffer: the queue. A transaction is an entry [req, addr, nread, nwrite, data...] whose
 * data holds the bytes to write and then, once they are sent, the bytes read (so an entry
 * takes 4 + max(nwrite, nread)); the ISR works on the entry at q[0] only, the commands append
 * behind it, and TASK_I2C answers and removes it. The poll's reading is such an entry too
 * (POLL_FLAG in its addr), put in the queue when it is due.
 *
 * No busy-wait: the ISR runs the bus byte by byte and wakes TASK_I2C at the end. The task is
 * woken every Timer0 period (1.024 ms) while a transaction runs or a poll is set (the timeout
 * slot TIMEOUT_I2C), to time out a hung transaction and to take the poll's readings.
 *
 * A stuck bus: before each START the task looks at SDA and SCL (the pull-ups hold an idle bus
 * high); a low line, or a transaction that has not finished after I2C_TIMEOUT_TICKS, is
 * answered I2C_STUCK after a recovery: the TWI off, up to 9 clock pulses on SCL until the
 * device holding SDA lets go, a STOP, the TWI on again. The recovery's pulses are the only
 * timed wait (about 100 us, once per stuck transaction). */
#include <string.h>
#include <avr/interrupt.h>
#include <util/delay.h>
#include "answers.h"
#include "clock.h"
#include "command.h"
#include "executor.h"
#include "frame_writer.h"
#include "module.h"
#include "protocol.h"
#include "timer.h"
#include "uart.h"

/* The TWI's pins: SDA and SCL, in one port. */
#ifdef __AVR_ATmega2560__
#define TW_PORT PORTD
#define TW_DDR DDRD
#define TW_PIN PIND
#define SDA_BIT 1 /* D20 */
#define SCL_BIT 0 /* D21 */
#else
#define TW_PORT PORTC
#define TW_DDR DDRC
#define TW_PIN PINC
#define SDA_BIT 4 /* A4 */
#define SCL_BIT 5 /* A5 */
#endif
#define TW_LINES (1 << SDA_BIT | 1 << SCL_BIT)

/* Status codes in an I2C answer and a reading (PROTOCOL.md). */
#define I2C_OK 0
#define I2C_ADDR_NAK 1     /* nobody answered the address */
#define I2C_DATA_NAK 2     /* the device refused a written byte */
#define I2C_STUCK 3        /* a line was held low or the bus hung; recovered */
#define I2C_STUCK_HELD 4   /* the same, and the recovery did not free it */
#define I2C_BUS_ERROR 5    /* arbitration lost or an illegal START/STOP */

#define CONFIGURE_ADDR 0x80 /* I2C with this address configures the speed */
#define POLL_FLAG 0x80      /* in an entry's addr: the poll's reading (the ISR shifts it out) */
#define HDR 4               /* entry header: req, addr, nread, nwrite */
#define I2C_TIMEOUT_TICKS (25000u / 4) /* 25 ms: the longest transaction at 100 kHz is ~4 ms */

/* The ISR's phase for the entry at q[0]. */
#define PH_IDLE 0
#define PH_ADDR 1 /* SLA+W sent */
#define PH_WRITE 2
#define PH_RADDR 3 /* SLA+R sent */
#define PH_READ 4
#define PH_DONE 5 /* finished; `result` says how */

static uint8_t q[I2C_QUEUE];
static uint8_t q_len;
static volatile uint8_t phase, result, pos;
static uint8_t configured;
static uint32_t started; /* clock tick of the present transaction's START (also a reading's time) */

static struct {
    uint8_t addr, reg, n, queued; /* queued: its entry is in the queue */
    uint16_t seq;                 /* the next reading's number; a lost one still takes its number */
    uint32_t interval, due;       /* in ticks */
} poll;

static void configure(uint8_t fast)
{
    TW_PORT |= TW_LINES; /* the internal pull-ups, as Arduino's Wire (real buses add 4.7k) */
    TWSR = 0;
    TWBR = fast ? (F_CPU / 400000 - 16) / 2 : (F_CPU / 100000 - 16) / 2;
    TWCR = 1 << TWEN;
    configured = 1;
}

/* Ends the transaction: a STOP (unless the bus is gone), the task woken. ISR context. */
static void finish(uint8_t code)
{
    TWCR = 1 << TWINT | 1 << TWEN | 1 << TWSTO;
    result = code;
    phase = PH_DONE;
    wake_from_isr(TASK_I2C);
}

/* Status codes are compared without the prescaler bits. simavr reports an address ACK after
 * SLA+W as 0x28/0x30 (a data byte's), so the phase, not the code, tells address from data. */
ISR(TWI_vect)
{
    uint8_t s = TWSR & 0xF8, *data = q + HDR, nread = q[2], nwrite = q[3];
    switch (s) {
    case 0x08: /* START */
    case 0x10: /* repeated START */
        TWDR = (uint8_t)(q[1] << 1 | (phase == PH_RADDR));
        TWCR = 1 << TWINT | 1 << TWEN | 1 << TWIE;
        return;
    case 0x18: /* SLA+W ACKed */
    case 0x28: /* data ACKed */
        if (pos < nwrite) {
            phase = PH_WRITE;
            TWDR = data[pos++];
            TWCR = 1 << TWINT | 1 << TWEN | 1 << TWIE;
        } else if (nread) {
            phase = PH_RADDR;
            pos = 0;
            TWCR = 1 << TWINT | 1 << TWEN | 1 << TWIE | 1 << TWSTA;
        } else
            finish(I2C_OK);
        return;
    case 0x20: /* SLA+W NAKed */
    case 0x30: /* data NAKed */
        finish(phase == PH_ADDR ? I2C_ADDR_NAK : I2C_DATA_NAK);
        return;
    case 0x48: /* SLA+R NAKed */
        finish(I2C_ADDR_NAK);
        return;
    case 0x50: /* a byte read, ACKed */
    case 0x58: /* the last byte read, NAKed */
        data[pos++] = TWDR;
        if (s == 0x58) {
            finish(I2C_OK);
            return;
        }
        /* fall through */
    case 0x40: /* SLA+R ACKed: ACK every byte but the last */
        phase = PH_READ;
        TWCR = 1 << TWINT | 1 << TWEN | 1 << TWIE | (pos + 1 < nread ? 1 << TWEA : 0);
        return;
    default: /* 0x38 arbitration lost, 0x00 bus error */
        finish(I2C_BUS_ERROR);
    }
}

/* Frees the bus: SCL pulsed until SDA is high, at most 9 times, then a STOP (SDA low to high
 * while SCL is high). Returns 1 when both lines are high at the end. The TWI is off meanwhile.
 * A line is pulled low as an output at 0 and let go as an input with its pull-up (never
 * driven high: the bus is open drain). */
#define LINE_LOW(bit) (TW_PORT &= (uint8_t)~(1 << (bit)), TW_DDR |= 1 << (bit))
#define LINE_FREE(bit) (TW_DDR &= (uint8_t)~(1 << (bit)), TW_PORT |= 1 << (bit))
static uint8_t recover(void)
{
    TWCR = 0;
    for (uint8_t i = 0; i < 9 && !(TW_PIN & 1 << SDA_BIT); i++) {
        LINE_LOW(SCL_BIT);
        _delay_us(5);
        LINE_FREE(SCL_BIT);
        _delay_us(5);
    }
    LINE_LOW(SDA_BIT); /* STOP */
    _delay_us(5);
    LINE_FREE(SDA_BIT);
    _delay_us(5);
    TWCR = 1 << TWEN;
    return (TW_PIN & TW_LINES) == TW_LINES;
}

/* Starts the entry at q[0], or finishes it at once when a line is held low. */
static void start(void)
{
    started = clock_now();
    pos = 0;
    if ((TW_PIN & TW_LINES) != TW_LINES) {
        result = recover() ? I2C_STUCK : I2C_STUCK_HELD;
        phase = PH_DONE;
        return;
    }
    phase = q[3] || !q[2] ? PH_ADDR : PH_RADDR; /* a read alone starts with SLA+R */
    TWCR = 1 << TWINT | 1 << TWEN | 1 << TWIE | 1 << TWSTA;
}

/* Appends an entry; 0 when it does not fit. */
static uint8_t enqueue(uint8_t req, uint8_t addr, uint8_t nread, const uint8_t *w, uint8_t nwrite)
{
    uint8_t size = HDR + (nread > nwrite ? nread : nwrite);
    if (q_len + size > I2C_QUEUE)
        return 0;
    uint8_t *e = q + q_len;
    e[0] = req, e[1] = addr, e[2] = nread, e[3] = nwrite;
    memcpy(e + HDR, w, nwrite);
    q_len += size;
    wake(TASK_I2C);
    return 1;
}

/* I2C: req, addr, nread, bytes to write. addr CONFIGURE_ADDR: req, 0x80, 0/1 (100/400 kHz),
 * answered at once with the queue's size and I2C_MAX_DATA. NAKs: bad_argument (detail: the
 * offset of the address, count or speed), busy (the queue is full: detail 0). */
uint8_t i2c_command(const struct command *c, uint8_t *detail)
{
    uint8_t addr = c->pin, nread = c->arg, nwrite = (uint8_t)(c->data_len - 2);
    *detail = 1;
    if (addr == CONFIGURE_ADDR) {
        *detail = 2;
        if (nread > 1)
            return NAK_BAD_ARGUMENT;
        if (phase != PH_IDLE || q_len)
            return NAK_BUSY;
        configure(nread);
        uint8_t p[3];
        p[0] = I2C_OK, p[1] = I2C_QUEUE, p[2] = I2C_MAX_DATA; /* not an initialiser: that would be .data */
        tx_commit(answer_send(&tx, ANS_I2C, c->req, p, 3));
        return 0;
    }
    if (addr > 0x7F)
        return NAK_BAD_ARGUMENT;
    *detail = nread > I2C_MAX_DATA ? 2 : 3;
    if (nread > I2C_MAX_DATA || nwrite > I2C_MAX_DATA)
        return NAK_BAD_ARGUMENT;
    if (!configured)
        configure(0);
    *detail = 0;
    return enqueue(c->req, addr, nread, c->data + 2, nwrite) ? 0 : NAK_BUSY;
}

/* I2C_POLL: req, addr, reg, n, interval_ms u16 (0 stops). ACKed; the readings follow. */
uint8_t i2c_poll_command(const struct command *c, uint8_t *detail)
{
    const uint8_t *p = c->data; /* addr, reg, n, interval */
    uint16_t ms = (uint16_t)(p[3] | p[4] << 8);
    *detail = 1;
    if (p[0] > 0x7F)
        return NAK_BAD_ARGUMENT;
    *detail = 3;
    if (p[2] == 0 || p[2] > I2C_MAX_DATA)
        return NAK_BAD_ARGUMENT;
    if (!configured)
        configure(0);
    poll.addr = p[0], poll.reg = p[1], poll.n = p[2];
    poll.interval = (uint32_t)ms * (1000000u / TICK_NS);
    poll.due = clock_now();
    if (ms)
        poll.seq = 0; /* a reading already queued when a poll stops keeps its number */
    wake(TASK_I2C);
    tx_commit(answer_ack(&tx, c->req));
    return 0;
}

/* The finished entry's answer (or reading), then the entry out of the queue. 0 while the TX
 * ring has no room (the UDRE ISR wakes the task). */
static uint8_t answer(void)
{
    if (tx_free() < MAX_WIRE)
        return 0;
    uint8_t n = result == I2C_OK ? q[2] : 0, size = HDR + (q[2] > q[3] ? q[2] : q[3]);
    struct frame_writer w;
    /* written straight from the queue entry: no copy of the bytes on the stack */
    if (q[1] & POLL_FLAG) {
        frame_begin(&w, &tx, ANS_I2C_READINGS);
        frame_put_bytes(&w, &poll.seq, 2);
        frame_put_bytes(&w, &started, 4);
        poll.seq++;
        poll.queued = 0;
    } else {
        frame_begin(&w, &tx, ANS_I2C);
        frame_put(&w, q[0]);
    }
    frame_put(&w, result);
    frame_put_bytes(&w, q + HDR, n);
    tx_commit(frame_end(&w));
    q_len -= size;
    memmove(q, q + size, q_len);
    phase = PH_IDLE;
    return 1;
}

void task_i2c(void)
{
    if (phase == PH_DONE && !answer())
        return; /* no TX room: the UDRE ISR wakes us */
    uint32_t now = clock_now();
    if (phase != PH_IDLE && phase != PH_DONE && now - started > I2C_TIMEOUT_TICKS) {
        cli(); /* the ISR must not run on while the bus is taken back */
        TWCR = 0;
        sei();
        result = recover() ? I2C_STUCK : I2C_STUCK_HELD;
        phase = PH_DONE;
        wake(TASK_I2C);
        return;
    }
    if (poll.interval && (int32_t)(now - poll.due) >= 0) {
        poll.due += poll.interval;
        if (poll.queued || !enqueue(0, poll.addr | POLL_FLAG, poll.n, &poll.reg, 1))
            poll.seq++; /* the previous reading is still on its way: this one is lost, and counted */
        else
            poll.queued = 1;
    }
    if (phase == PH_IDLE && q_len)
        start();
    if (phase == PH_DONE)
        wake(TASK_I2C);
    /* the timeout slot wakes us every period while there is something to time */
    if (poll.interval || q_len)
        timeout_after(TIMEOUT_I2C, 100, TASK_I2C);
    else
        timeout_cancel(TIMEOUT_I2C);
}
