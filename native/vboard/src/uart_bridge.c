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

/* After simavr has computed its cycles per byte from UBRR: drop the parity bit it counts
 * when the frame has none (UPMn1:0 = 00, bits 5:4 of UCSRnC on the 328P and the 2560). */
static void on_ubrr_write(struct avr_t *avr, avr_io_addr_t addr, uint8_t v, void *param) {
    vb_core *core = param;
    vb_uart_bridge *u = &core->uart;
    avr_uart_t *p = u->uart;
    int which = addr == p->ubrrh.reg;
    if (u->ubrr_write[which]) u->ubrr_write[which](avr, addr, v, u->ubrr_param[which]);
    int parity = (avr->data[p->r_ucsrc] >> 4) & 3;
    if (parity) return;
    static const int data_bits[] = {5, 6, 7, 8, 8, 8, 8, 9};
    int db = data_bits[avr_regbit_get(avr, p->ucsz) | (avr_regbit_get(avr, p->ucsz2) << 2)];
    int sb = 1 + avr_regbit_get(avr, p->usbs);
    int simavr_bits = 1 + db + 1 + sb, real_bits = simavr_bits - 1;
    p->cycles_per_byte = p->cycles_per_byte * (avr_cycle_count_t)real_bits / (avr_cycle_count_t)simavr_bits;
}

void vb_uart_true_timing(vb_core *core) {
    vb_uart_bridge *u = &core->uart;
    avr_uart_t *p = u->uart;
    avr_io_addr_t regs[2] = {p->ubrrl.reg, p->ubrrh.reg};
    for (int i = 0; i < 2; i++) {
        if (!regs[i] || (i == 1 && regs[1] == regs[0])) continue;
        avr_io_addr_t io = AVR_DATA_TO_IO(regs[i]);
        if (core->avr->io[io].w.c == on_ubrr_write) continue;
        u->ubrr_write[i] = core->avr->io[io].w.c;
        u->ubrr_param[i] = core->avr->io[io].w.param;
        core->avr->io[io].w.c = on_ubrr_write;
        core->avr->io[io].w.param = core;
    }
    u->true_timing = 1;
}

uint64_t vb_uart_cycles_per_byte(vb_core *core) { return core->uart.uart->cycles_per_byte; }

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
