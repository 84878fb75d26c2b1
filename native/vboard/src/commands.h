/*
 * commands: the virtual board's line language (documented in native/vboard/README.md).
 *
 * One command per line; every command gets exactly one closing line, "OK <line>" or
 * "ERR line <n>: <reason>", after any answer lines it prints (STATS, TIME, LEVEL). A bad
 * line never stops the board. `sleep` holds back the lines after it until simulated time
 * has passed, which makes scripts reproducible in --free-run mode.
 */
#ifndef VB_COMMANDS_H
#define VB_COMMANDS_H

#include <stddef.h>
#include <stdint.h>

#include "core.h"

/* The HC-SR04 model's speed of sound (343.2 m/s: dry air at 20 degC) and its trigger-to-echo delay. */
#define VB_SONAR_SPEED_MM_S 343200.0
#define VB_SONAR_DELAY_US 250.0

typedef struct vb_commands {
    vb_core *core;
    unsigned line_no;
    uint64_t sleep_until;     /* core time; lines wait while now < sleep_until */
    char sleep_line[128];     /* acknowledged when the sleep ends */
    int quit;
    uint64_t stats_cycle, stats_asleep; /* at the previous `stats`, for the window share */
    /* Front-end services. */
    void *ctx;
    void (*inject)(void *ctx, const uint8_t *bytes, size_t n); /* as if the board sent them */
    void (*stats_extra)(void *ctx, char *buf, size_t len);     /* appended to the STATS line */
    /* The front end's own commands (e.g. dump-flash): 0 done, -1 error in err, -2 not one of them. */
    int (*extra)(void *ctx, char **w, int nw, char *err, size_t errlen);
} vb_commands;

void vb_commands_init(vb_commands *c, vb_core *core);
/* True while a `sleep` is pending: the caller must keep the next lines for later. */
int vb_commands_busy(vb_commands *c);
/* Executes one line (without its newline); counts it for error messages. */
void vb_commands_run(vb_commands *c, const char *line);

/* Parsers shared with the tests. Return 0, or -1 with a reason in err. */
int vb_parse_duration(const vb_core *core, const char *s, uint64_t *cycles, char *err, size_t errlen);
int vb_parse_hex(const char *s, uint8_t *out, size_t cap, size_t *n, char *err, size_t errlen);

#endif
