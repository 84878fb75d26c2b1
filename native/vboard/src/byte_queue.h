/*
 * byte_queue: a fixed-capacity FIFO of bytes that refuses (and counts) what does not fit.
 *
 * Trade-off: a bounded queue can lose bytes, an unbounded one can eat the machine when a
 * host stops reading. A board's USB-serial chip also has a small buffer and drops the
 * rest, so bounded-and-counted is both safer and closer to the real thing.
 */
#ifndef VB_BYTE_QUEUE_H
#define VB_BYTE_QUEUE_H

#include <stddef.h>
#include <stdint.h>

typedef struct vb_byte_queue {
    uint8_t *buf;
    size_t cap, head, len; /* bytes live at buf[head .. head+len) modulo cap */
    uint64_t dropped;      /* bytes refused because the queue was full */
} vb_byte_queue;

int vb_bq_init(vb_byte_queue *q, size_t cap);
void vb_bq_free(vb_byte_queue *q);
/* Appends what fits; returns the number of bytes accepted (the rest count as dropped). */
size_t vb_bq_push(vb_byte_queue *q, const uint8_t *data, size_t n);
/* The longest contiguous run at the front (for write()); *n gets its length. */
const uint8_t *vb_bq_front(const vb_byte_queue *q, size_t *n);
void vb_bq_pop(vb_byte_queue *q, size_t n);
void vb_bq_clear(vb_byte_queue *q);

#endif
