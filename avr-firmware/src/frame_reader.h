/* Frame reader: takes received bytes one at a time, undoes COBS on the fly into a 64-byte
 * body buffer, and at each 0x00 says whether a valid frame arrived (and why not).
 *
 * Trade-offs: decoding byte by byte means the only buffer is the decoded body (64 bytes);
 * a frame longer than that is consumed to its 0x00 and reported once as FR_TOO_LONG, so
 * garbage of any length costs no memory and resynchronises at the next delimiter. */
#ifndef WW_FRAME_READER_H
#define WW_FRAME_READER_H
#include <stdint.h>
#include "protocol.h"

enum fr_result {
    FR_MORE = 0,  /* no frame yet: feed more bytes */
    FR_OK,        /* body[0..frame_len) holds type, seq, payload (CRC checked and removed) */
    FR_EMPTY,     /* a lone 0x00: ignored, counted by nobody */
    /* the failures, in this order and last: the board counts every r >= FR_COBS (dispatch.c) */
    FR_COBS,      /* a code byte pointed past the 0x00 */
    FR_TOO_LONG,  /* body would exceed MAX_BODY */
    FR_SHORT,     /* body shorter than type + seq + crc */
    FR_CRC,       /* CRC mismatch */
};

struct frame_reader {
    uint8_t body[MAX_BODY];
    uint8_t len;       /* decoded bytes so far */
    uint8_t remaining; /* data bytes left in the current COBS block; 0 = a code byte is next */
    uint8_t code;      /* the current block's code byte (0 before the first) */
    uint8_t overflow;  /* the frame outgrew body[]: swallow bytes until the 0x00 */
    uint8_t frame_len; /* after FR_OK: the length of type + seq + payload in body[] */
};

void frame_reader_init(struct frame_reader *r);
/* Feed one byte; on a result other than FR_MORE the reader is ready for the next frame,
 * and on FR_OK body/frame_len stay valid until the next call. */
enum fr_result frame_reader_feed(struct frame_reader *r, uint8_t b);

#endif
