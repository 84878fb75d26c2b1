/* I2C device models on simavr's TWI (i2c_devices.h). */
#include "i2c_devices.h"

#include <simavr/avr_ioport.h>
#include <simavr/avr_twi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *kind_name[] = {"eeprom", "bmp280", "nak"};

/* The BMP280 datasheet's example compensation words (section 3.12), little-endian from 0x88. */
static const int16_t bmp280_calib[12] = {27504, 26435, -1000, (int16_t)36477, -10685, 3024,
                                         2855,  140,   -7,    15500,           -14600, 6000};

static void reply(vb_i2c_bus *bus, uint8_t msg, uint8_t addr, uint8_t data) {
    avr_raise_irq(bus->irq + TWI_IRQ_INPUT, avr_twi_irq_msg(msg, addr, data));
}

static void write_byte(vb_i2c_bus *bus, vb_i2c_dev *d, uint8_t sla, uint8_t b) {
    switch (d->kind) {
    case VB_I2C_EEPROM:
        if (d->index == 0) d->ptr = (uint16_t)((b & 0x0F) << 8);
        else if (d->index == 1) d->ptr |= b;
        else { /* inside its 32-byte page */
            d->mem[d->ptr] = b;
            d->ptr = (uint16_t)((d->ptr & ~31u) | ((d->ptr + 1) & 31u));
            d->writes++;
        }
        break;
    case VB_I2C_BMP280:
        if (d->index == 0) d->ptr = b;
        else if (d->ptr >= 0xE0) { /* reset, ctrl, config: writable; 0xE0 <- 0xB6 resets */
            d->mem[d->ptr] = d->ptr == 0xE0 ? 0 : b;
            d->ptr = (uint8_t)(d->ptr + 1);
            d->writes++;
        }
        break;
    case VB_I2C_NAK:
        d->index++;
        return; /* no ACK: a NAK */
    }
    d->index++;
    reply(bus, TWI_COND_ACK, sla, 1);
}

static uint8_t read_byte(vb_i2c_dev *d) {
    uint8_t b = d->mem[d->ptr];
    d->ptr = d->kind == VB_I2C_EEPROM ? (uint16_t)((d->ptr + 1) & 4095u) : (uint8_t)(d->ptr + 1);
    d->reads++;
    return b;
}

/* A message from the master (the TWI's output). */
static void on_twi(avr_irq_t *irq, uint32_t value, void *param) {
    (void)irq;
    vb_i2c_bus *bus = param;
    avr_twi_msg_irq_t m = {.u.v = value};
    uint8_t msg = m.u.twi.msg, sla = m.u.twi.addr;
    if (msg & TWI_COND_STOP)
        for (int i = 0; i < bus->n; i++) bus->devs[i].selected = 0;
    if (msg & TWI_COND_START) { /* START or repeated START with SLA+R/W: the pointer stays */
        bus->starts++;
        for (int i = 0; i < bus->n; i++) {
            vb_i2c_dev *d = &bus->devs[i];
            d->selected = 0;
            if (d->addr != sla >> 1) continue;
            d->selected = sla & 1 ? 'r' : 'w';
            d->index = 0;
            reply(bus, TWI_COND_ACK, sla, 1);
        }
        return;
    }
    for (int i = 0; i < bus->n; i++) {
        vb_i2c_dev *d = &bus->devs[i];
        if (d->selected == 'w' && (msg & TWI_COND_WRITE)) write_byte(bus, d, sla, m.u.twi.data);
        if (d->selected == 'r' && (msg & TWI_COND_READ)) reply(bus, TWI_COND_READ, sla, read_byte(d));
    }
}

static void default_drive_sda(void *ctx, int level) {
    vb_i2c_bus *bus = ctx;
    avr_ioport_external_t ext = {.name = (unsigned)bus->sda_port, .mask = level ? 0 : 1u << bus->sda_bit, .value = 0};
    avr_ioctl(bus->avr, AVR_IOCTL_IOPORT_SET_EXTERNAL(bus->sda_port), &ext);
    avr_raise_irq(avr_io_getirq(bus->avr, AVR_IOCTL_IOPORT_GETIRQ(bus->sda_port), bus->sda_bit), level ? 1 : 0);
}

/* SCL's level as the MCU drives it: the stuck device counts the falls. */
static void on_scl(avr_irq_t *irq, uint32_t value, void *param) {
    (void)irq;
    vb_i2c_bus *bus = param;
    int level = value != 0;
    if (bus->scl_level && !level) {
        bus->scl_falls++;
        if (bus->stuck && bus->stuck_left > 0 && --bus->stuck_left == 0) {
            bus->stuck = 0;
            bus->drive_sda(bus->ctx, 1);
        }
    }
    bus->scl_level = level;
}

static const char *irq_names[2] = {"8>i2cdevs.out", "32<i2cdevs.in"};

int vb_i2c_attach(vb_i2c_bus *bus, avr_t *avr, char *err, size_t errlen) {
    if (bus->attached) return 0;
    int mega = strstr(avr->mmcu, "2560") != NULL; /* simavr names the 328P "atmega328" */
    if (!mega && !strstr(avr->mmcu, "328")) {
        snprintf(err, errlen, "i2c: no TWI model for %s (atmega328p, atmega2560)", avr->mmcu);
        return -1;
    }
    bus->avr = avr;
    bus->sda_port = bus->scl_port = mega ? 'D' : 'C';
    bus->sda_bit = mega ? 1 : 4;
    bus->scl_bit = mega ? 0 : 5;
    bus->scl_level = 1;
    if (!bus->drive_sda) {
        bus->drive_sda = default_drive_sda;
        bus->ctx = bus;
    }
    bus->irq = avr_alloc_irq(&avr->irq_pool, 0, 2, irq_names);
    avr_irq_register_notify(bus->irq + TWI_IRQ_OUTPUT, on_twi, bus);
    avr_connect_irq(bus->irq + TWI_IRQ_INPUT, avr_io_getirq(avr, AVR_IOCTL_TWI_GETIRQ(0), TWI_IRQ_INPUT));
    avr_connect_irq(avr_io_getirq(avr, AVR_IOCTL_TWI_GETIRQ(0), TWI_IRQ_OUTPUT), bus->irq + TWI_IRQ_OUTPUT);
    avr_irq_register_notify(avr_io_getirq(avr, AVR_IOCTL_IOPORT_GETIRQ(bus->scl_port), bus->scl_bit), on_scl, bus);
    bus->attached = 1;
    return 0;
}

void vb_i2c_set_stuck(vb_i2c_bus *bus, int n) {
    if (n < 0) {
        bus->stuck = 0;
        bus->drive_sda(bus->ctx, 1);
        return;
    }
    bus->stuck = 1;
    bus->stuck_left = n ? n : -1;
    bus->drive_sda(bus->ctx, 0);
}

int vb_i2c_add(vb_i2c_bus *bus, const char *spec, char *err, size_t errlen) {
    char kind[16];
    const char *at = strpbrk(spec, "@:");
    size_t kl = at ? (size_t)(at - spec) : strlen(spec);
    if (kl >= sizeof kind) kl = sizeof kind - 1;
    memcpy(kind, spec, kl);
    kind[kl] = 0;
    if (!strcmp(kind, "stuck")) {
        char *end;
        long n = at && *at == ':' ? strtol(at + 1, &end, 0) : 3;
        if ((at && (*at != ':' || *end)) || n < 0 || n > 1000) {
            snprintf(err, errlen, "i2c %s: want stuck or stuck:N (N SCL pulses free it, 0 never)", spec);
            return -1;
        }
        vb_i2c_set_stuck(bus, (int)n);
        return 0;
    }
    int k = -1;
    for (int i = 0; i < 3; i++)
        if (!strcmp(kind, kind_name[i])) k = i;
    if (k < 0 || (at && *at != '@')) {
        snprintf(err, errlen, "i2c %s: want eeprom[@ADDR], bmp280[@ADDR], nak[@ADDR] or stuck[:N]", spec);
        return -1;
    }
    long addr = k == VB_I2C_EEPROM ? 0x50 : k == VB_I2C_BMP280 ? 0x76 : 0x30;
    if (at) {
        char *end;
        addr = strtol(at + 1, &end, 0);
        if (*end || addr < 0x08 || addr > 0x77) {
            snprintf(err, errlen, "i2c %s: address %s is not a 7-bit device address 0x08..0x77", spec, at + 1);
            return -1;
        }
    }
    for (int i = 0; i < bus->n; i++)
        if (bus->devs[i].addr == addr) {
            snprintf(err, errlen, "i2c %s: address 0x%02lx already has a %s", spec, addr, kind_name[bus->devs[i].kind]);
            return -1;
        }
    if (bus->n == VB_I2C_MAX_DEVS) {
        snprintf(err, errlen, "i2c %s: at most %d devices", spec, VB_I2C_MAX_DEVS);
        return -1;
    }
    vb_i2c_dev *d = &bus->devs[bus->n++];
    memset(d, 0, sizeof *d);
    d->kind = (enum vb_i2c_kind)k;
    d->addr = (uint8_t)addr;
    if (k == VB_I2C_EEPROM) memset(d->mem, 0xFF, sizeof d->mem);
    if (k == VB_I2C_BMP280) {
        for (int i = 0; i < 12; i++) {
            d->mem[0x88 + 2 * i] = (uint8_t)bmp280_calib[i];
            d->mem[0x89 + 2 * i] = (uint8_t)((uint16_t)bmp280_calib[i] >> 8);
        }
        static const uint8_t raw[6] = {0x65, 0x5A, 0xC0, 0x7E, 0xED, 0x00}; /* adc_P, adc_T */
        memcpy(d->mem + 0xF7, raw, sizeof raw);
        d->mem[0xD0] = 0x58;
    }
    return 0;
}

void vb_i2c_describe(const vb_i2c_bus *bus, void (*line)(void *ctx, const char *s), void *ctx) {
    char buf[160];
    for (int i = 0; i < bus->n; i++) {
        const vb_i2c_dev *d = &bus->devs[i];
        snprintf(buf, sizeof buf, "I2C 0x%02x %s writes=%lu reads=%lu", d->addr, kind_name[d->kind], d->writes, d->reads);
        line(ctx, buf);
    }
    snprintf(buf, sizeof buf, "I2C bus starts=%lu scl_falls=%lu sda=%s", bus->starts, bus->scl_falls,
             bus->stuck ? "held-low" : "free");
    line(ctx, buf);
}
