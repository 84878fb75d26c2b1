/*
 * i2c_devices: I2C devices on the simulated board's TWI, through simavr's TWI messages
 * (avr_twi.h: the master's START+address, data writes and reads arrive on TWI_IRQ_OUTPUT; a
 * device answers on TWI_IRQ_INPUT at once with an ACK or a data byte; no answer is a NAK).
 * Shared by the vboard (--i2c SPEC, the `i2c` command) and the firmware's simavr test
 * (avr-firmware/modules/i2c/test), so both test the same models.
 *
 * Devices (SPEC):
 *   eeprom[@ADDR]   a 24C32: 4 KiB, a 2-byte address (high byte first), 32-byte pages (a
 *                   write wraps inside its page), sequential reads over the whole array.
 *                   Default 0x50. Starts erased (0xFF).
 *   bmp280[@ADDR]   a register-file subset of a Bosch BMP280: chip id 0x58 at 0xD0, the
 *                   datasheet's example calibration (0x88..0x9F) and raw readings (0xF7..0xFC:
 *                   adc_P 415148, adc_T 519888), writable control registers. Default 0x76.
 *   nak[@ADDR]      ACKs its address and NAKs every written byte. Default 0x30.
 *   stuck[:N]       no address: holds SDA low until it has seen N falling edges of SCL (the
 *                   master's recovery pulses; default 3; 0: forever). `i2c stuck N` does it again.
 * Timing is simavr's: its TWI takes 9 us a byte whatever the bit rate (TWBR is ignored).
 */
#ifndef VB_I2C_DEVICES_H
#define VB_I2C_DEVICES_H

#include <simavr/sim_avr.h>
#include <stddef.h>
#include <stdint.h>

#define VB_I2C_MAX_DEVS 8

enum vb_i2c_kind { VB_I2C_EEPROM, VB_I2C_BMP280, VB_I2C_NAK };

typedef struct vb_i2c_dev {
    enum vb_i2c_kind kind;
    uint8_t addr;
    int selected; /* 0, 'w' or 'r' since the last START for it */
    int index;    /* bytes written since that START */
    uint16_t ptr; /* the address/register pointer */
    uint8_t mem[4096];
    unsigned long writes, reads;
} vb_i2c_dev;

typedef struct vb_i2c_bus {
    avr_t *avr;
    avr_irq_t *irq; /* ours: [0] into the TWI's input, [1] from its output */
    vb_i2c_dev devs[VB_I2C_MAX_DEVS];
    int n;
    int attached;
    /* The stuck device: SDA held low until `stuck_left` more SCL falls (-1: forever). */
    int stuck, stuck_left;
    int scl_level;
    char sda_port, scl_port; /* 'C' or 'D' */
    int sda_bit, scl_bit;
    unsigned long starts, scl_falls;
    /* Drives SDA: 0 low, 1 released (the pull-up). Default: the ioport's external state. */
    void (*drive_sda)(void *ctx, int level);
    void *ctx;
} vb_i2c_bus;

/* Wires the bus to the MCU's TWI and its SDA/SCL pins (328P: C4/C5, 2560: D1/D0). Once. */
int vb_i2c_attach(vb_i2c_bus *bus, avr_t *avr, char *err, size_t errlen);
/* Adds a device from SPEC (above). Returns 0, or -1 with a one-line reason. */
int vb_i2c_add(vb_i2c_bus *bus, const char *spec, char *err, size_t errlen);
/* Holds SDA low until n SCL falls (0: forever); n < 0 releases it now. */
void vb_i2c_set_stuck(vb_i2c_bus *bus, int n);
/* One line per device and the bus: "I2C 0x50 eeprom writes=.. reads=..", "I2C bus ...". */
void vb_i2c_describe(const vb_i2c_bus *bus, void (*line)(void *ctx, const char *s), void *ctx);

#endif
