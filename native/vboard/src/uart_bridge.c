#include "uart_bridge.h"

#include <simavr/avr_uart.h>
#include <simavr/sim_io.h>
#include <simavr/sim_irq.h>
#include <stdio.h>
#include <string.h>

#include "core.h"

/* simavr declares the FIFO type in its header; these are its accessors (static inline). */
DEFINE_FIFO(uint16_t, uart_fifo);

static void on_output(struct avr_irq_t *irq, uint32_t value, void *param) {
    (void)irq;
    vb_core *core = param;
    vb_uart_bridge *u = &core->uart;
    u->tx_bytes++;
    u->last_tx_cycle = vb_core_now(core);
    if (u->on_tx) u->on_tx(core->ctx, (uint8_t)value, u->last_tx_cycle);
}

static void on_xon(struct avr_irq_t *irq, uint32_t value, void *param) {
    (void)irq;
    (void)value;
    vb_core *core = param;
    core->uart.xoff = 0;
    vb_uart_pump(core);
}

static void on_xoff(struct avr_irq_t *irq, uint32_t value, void *param) {
    (void)irq;
    vb_core *core = param;
    core->uart.xoff = value ? 1 : 0;
}

int vb_uart_attach(vb_core *core, char name, char *err, unsigned errlen) {
    vb_uart_bridge *u = &core->uart;
    for (avr_io_t *io = core->avr->io_port; io; io = io->next)
        if (strcmp(io->kind, "uart") == 0 && ((avr_uart_t *)io)->name == name) u->uart = (avr_uart_t *)io;
    if (!u->uart) {
        snprintf(err, errlen, "simavr's %s has no UART%c", core->avr->mmcu, name);
        return -1;
    }
    if (vb_bq_init(&u->to_board, 4096) != 0) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    uint32_t ctl = AVR_IOCTL_UART_GETIRQ(name);
    u->irq_in = avr_io_getirq(core->avr, ctl, UART_IRQ_INPUT);
    avr_irq_register_notify(avr_io_getirq(core->avr, ctl, UART_IRQ_OUTPUT), on_output, core);
    avr_irq_register_notify(avr_io_getirq(core->avr, ctl, UART_IRQ_OUT_XON), on_xon, core);
    avr_irq_register_notify(avr_io_getirq(core->avr, ctl, UART_IRQ_OUT_XOFF), on_xoff, core);
    vb_uart_quiet(core);
    return 0;
}

void vb_uart_quiet(vb_core *core) {
    uint32_t flags = 0;
    avr_ioctl(core->avr, AVR_IOCTL_UART_SET_FLAGS(core->uart.uart->name), &flags);
}

unsigned vb_uart_send_to_board(vb_core *core, const uint8_t *data, unsigned n) {
    unsigned took = (unsigned)vb_bq_push(&core->uart.to_board, data, n);
    vb_uart_pump(core);
    return took;
}

void vb_uart_pump(vb_core *core) {
    vb_uart_bridge *u = &core->uart;
    avr_uart_t *p = u->uart;
    /* simavr drops bytes while the receiver is off; keep them until the firmware turns it on. */
    if (!avr_regbit_get(core->avr, p->rxen)) return;
    while (u->to_board.len && !u->xoff && !uart_fifo_isfull(&p->input)) {
        size_t n;
        const uint8_t *b = vb_bq_front(&u->to_board, &n);
        uint8_t byte = b[0];
        vb_bq_pop(&u->to_board, 1);
        u->rx_bytes++;
        avr_raise_irq(u->irq_in, byte);
    }
}
