/*
 * board_config: the three keys the virtual board needs from board-configs/<board>.conf
 * (board, mcu, f_cpu). The format is described in board-configs/README.md; other keys are
 * the host's business and are skipped here.
 */
#ifndef VB_BOARD_CONFIG_H
#define VB_BOARD_CONFIG_H

#include <stddef.h>
#include <stdint.h>

typedef struct vb_board_config {
    char board[32];
    char mcu[32];
    uint32_t f_cpu;
} vb_board_config;

/* Returns 0, or -1 with "<file>:<line>: <reason>" in err. */
int vb_board_config_read(const char *path, vb_board_config *out, char *err, size_t errlen);

#endif
