/* Wire protocol constants: frame types, NAK codes, sizes (PROTOCOL.md is the reference). */
#ifndef WW_PROTOCOL_H
#define WW_PROTOCOL_H

#define PROTO_VERSION 2
#define FW_MAJOR 0
#define FW_MINOR 1

#define MAX_BODY 64                 /* type + seq + payload + crc */
#define MAX_PAYLOAD (MAX_BODY - 4)
#define MAX_WIRE (MAX_BODY + 2)     /* + COBS code byte + the 0x00 delimiter */
/* The longest answer other than EVENTS on the wire: STATS with 11 sources (the Mega) is
 * 2 + 1 + 6 + 1 + 33 + 2 = 45 body bytes, 47 on the wire. Commands wait for this much TX
 * space, not MAX_WIRE, so that the board keeps reading while the UART is busy. */
#define MAX_ANSWER_WIRE 48
#define TICK_NS 4000u

/* host -> board */
#define CMD_HELLO 0x81
#define CMD_PIN_MODE 0x82
#define CMD_ARM 0x83
#define CMD_DIGITAL_WRITE 0x84
#define CMD_PWM_WRITE 0x85
#define CMD_ANALOG_READ 0x86
#define CMD_PING 0x87
#define CMD_CLOCK 0x88
#define CMD_STATS 0x89
#define CMD_RESET_CAUSE 0x8A
#define CMD_READ_PIN 0x8B
#define CMD_STREAM 0x8C
#define CMD_MSG 0x8D /* the app runtime (app/module.h) */
#define CMD_SERVO 0x8E /* module servo */
#define CMD_I2C 0x8F      /* module i2c: one transaction, or configure (addr 0x80) */
#define CMD_I2C_POLL 0x90 /* module i2c: board-timed register reads */

/* board -> host */
#define ANS_HELLO 0x10
#define ANS_EVENTS 0x11
#define ANS_MSG 0x13 /* the app runtime: topic u8, lost u8, data */
#define ANS_ACK 0x20
#define ANS_NAK 0x21
#define ANS_PONG 0x22
#define ANS_ANALOG 0x23
#define ANS_STATS 0x24
#define ANS_CLOCK 0x25
#define ANS_RESET_CAUSE 0x26
#define ANS_LEVEL 0x27
#define ANS_SAMPLES 0x12
#define ANS_I2C 0x28          /* module i2c: a transaction's status and bytes */
#define ANS_I2C_READINGS 0x14 /* module i2c: one board-timed reading (unasked, like EVENTS) */

#define NAK_UNKNOWN_COMMAND 1
#define NAK_BAD_LENGTH 2
#define NAK_BAD_PIN 3
#define NAK_BAD_ARGUMENT 4
#define NAK_BUSY 5
#define NAK_NOT_CAPABLE 6

#define PING_MAX 8
#define LOST_MARKER 0x7F

/* Drop source ids on the wire (PROTOCOL.md section 4). */
#define SRC_INT0 0
#define SRC_PCINT0 8
#define SRC_ADC 11
#define SRC_RX 12

#define CAP_EDGES 0x01
#define CAP_DEBOUNCE 0x02
#define CAP_PWM 0x04
#define CAP_ANALOG 0x08
#define CAP_PCINT 0x10
#define CAP_LOST 0x20
#define CAP_STREAM 0x40
#define CAP_APP 0x200 /* app tasks and MSG frames (APP= builds) */
#define CAP_SERVO 0x80 /* module servo */
#define CAP_I2C 0x100

#endif
