#include "byte_queue.h"

#include <stdlib.h>

int vb_bq_init(vb_byte_queue *q, size_t cap) {
    q->buf = malloc(cap);
    q->cap = cap;
    q->head = q->len = 0;
    q->dropped = 0;
    return q->buf ? 0 : -1;
}

void vb_bq_free(vb_byte_queue *q) {
    free(q->buf);
    q->buf = NULL;
}

size_t vb_bq_push(vb_byte_queue *q, const uint8_t *data, size_t n) {
    size_t room = q->cap - q->len, take = n < room ? n : room;
    for (size_t i = 0; i < take; i++) q->buf[(q->head + q->len + i) % q->cap] = data[i];
    q->len += take;
    q->dropped += n - take;
    return take;
}

const uint8_t *vb_bq_front(const vb_byte_queue *q, size_t *n) {
    size_t run = q->cap - q->head;
    *n = q->len < run ? q->len : run;
    return q->buf + q->head;
}

void vb_bq_pop(vb_byte_queue *q, size_t n) {
    if (n > q->len) n = q->len;
    q->head = (q->head + n) % q->cap;
    q->len -= n;
}

void vb_bq_clear(vb_byte_queue *q) { q->head = q->len = 0; }
