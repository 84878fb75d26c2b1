/*
 * vboard-selftest: runs the virtual board as a user would (a child process, commands on
 * its stdin, event lines on its stdout, the firmware's UART on its pty) and checks what
 * comes out. First against test/echo_fw.c (a tiny firmware with known behaviour), then,
 * when given, against the real wakewire firmware (HELLO, ARM, EVENTS).
 *
 * usage: vboard-selftest VBOARD ECHO_FW.elf [WAKEWIRE.elf [ECHO_FW_MEGA.elf [WAKEWIRE_MEGA.elf]]]
 * (an empty argument skips that part; with WAKEWIRE_NATIVE_REQUIRED set, as make test does,
 * a part that cannot run fails instead)
 * Every wait is bounded; the last line is "vboard: N passed, M failed".
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "wire_frames.h"

#define WAIT_MS 8000 /* generous: the machine is shared */

static int passed, failed;
static const char *vboard_path;

static void check(int ok, const char *name, const char *fmt, ...) {
    if (ok) {
        passed++;
        printf("ok   - %s\n", name);
    } else {
        failed++;
        char why[512] = "";
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(why, sizeof why, fmt, ap);
        va_end(ap);
        printf("FAIL - %s: %s\n", name, why);
    }
    fflush(stdout);
}

/* A part that cannot run: "skip" on a developer's partial build, a failure under make test
 * (WAKEWIRE_NATIVE_REQUIRED), which builds everything first: nothing may pass as skipped there. */
static void skip(const char *name, const char *why) {
    if (getenv("WAKEWIRE_NATIVE_REQUIRED"))
        check(0, name, "%s (WAKEWIRE_NATIVE_REQUIRED: make test requires it)", why);
    else
        printf("skip - %s: %s\n", name, why);
}

static long now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

/* One running vboard. */
typedef struct board {
    pid_t pid;
    int to;            /* its stdin */
    int from;          /* its stdout */
    char buf[65536];   /* stdout bytes not yet consumed as lines */
    size_t len;
    char pty[64];
    int fd;            /* our end of its serial port, or -1 */
    unsigned lines_sent;
} board;

static int board_start(board *b, const char *elf, const char *extra) {
    int in[2], out[2];
    memset(b, 0, sizeof *b);
    b->fd = -1;
    if (pipe(in) || pipe(out)) return -1;
    b->pid = fork();
    if (b->pid == 0) {
        dup2(in[0], 0);
        dup2(out[1], 1);
        close(in[1]);
        close(out[0]);
        if (extra)
            execl(vboard_path, vboard_path, extra, elf, (char *)NULL);
        else
            execl(vboard_path, vboard_path, elf, (char *)NULL);
        _exit(127);
    }
    close(in[0]);
    close(out[1]);
    b->to = in[1];
    b->from = out[0];
    return 0;
}

/* Waits for a stdout line starting with prefix; copies it to line. Lines before it are skipped. */
static int wait_line(board *b, const char *prefix, char *line, size_t cap) {
    long end = now_ms() + WAIT_MS;
    for (;;) {
        char *nl;
        while ((nl = memchr(b->buf, '\n', b->len))) {
            *nl = 0;
            int hit = strncmp(b->buf, prefix, strlen(prefix)) == 0;
            if (hit && line) snprintf(line, cap, "%.*s", (int)cap - 1, b->buf);
            size_t used = (size_t)(nl - b->buf) + 1;
            memmove(b->buf, nl + 1, b->len - used);
            b->len -= used;
            if (hit) return 0;
        }
        long left = end - now_ms();
        if (left <= 0) return -1;
        struct pollfd pf = {.fd = b->from, .events = POLLIN};
        if (poll(&pf, 1, (int)left) <= 0) return -1;
        ssize_t r = read(b->from, b->buf + b->len, sizeof b->buf - 1 - b->len);
        if (r <= 0) return -1;
        b->len += (size_t)r;
    }
}

static void send_cmd(board *b, const char *fmt, ...) {
    char line[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(line, sizeof line - 1, fmt, ap);
    va_end(ap);
    line[n++] = '\n';
    if (write(b->to, line, (size_t)n) != n) perror("write to vboard");
    b->lines_sent++;
}

/* Sends a command and waits for its OK or ERR line; returns 0 for OK. */
static int run_cmd(board *b, const char *cmd) {
    char line[512];
    send_cmd(b, "%s", cmd);
    char ok[300];
    snprintf(ok, sizeof ok, "OK %s", cmd);
    long end = now_ms() + WAIT_MS;
    while (now_ms() < end) {
        if (wait_line(b, "", line, sizeof line)) return -1;
        if (!strcmp(line, ok)) return 0;
        if (!strncmp(line, "ERR", 3)) return -1;
    }
    return -1;
}

static int open_pty(board *b) {
    b->fd = open(b->pty, O_RDWR | O_NOCTTY | O_NONBLOCK);
    return b->fd < 0 ? -1 : 0;
}

/* Reads pty bytes until `want` bytes or the pattern has been seen, or timeout. */
static size_t pty_read_until(board *b, uint8_t *buf, size_t cap, const void *pattern, size_t plen, int ms) {
    size_t n = 0;
    long end = now_ms() + ms;
    while (n < cap) {
        if (pattern && plen && n >= plen && memmem(buf, n, pattern, plen)) break;
        long left = end - now_ms();
        if (left <= 0) break;
        struct pollfd pf = {.fd = b->fd, .events = POLLIN};
        if (poll(&pf, 1, (int)left) <= 0) break;
        ssize_t r = read(b->fd, buf + n, cap - n);
        if (r > 0) n += (size_t)r;
    }
    return n;
}

static void pty_write(board *b, const void *data, size_t n) {
    if (write(b->fd, data, n) != (ssize_t)n) perror("write to pty");
}

/* Closes stdin and waits (bounded) for the exit; returns the exit status or -1. */
static int board_stop(board *b) {
    if (b->fd >= 0) close(b->fd);
    b->fd = -1;
    close(b->to);
    long end = now_ms() + WAIT_MS;
    int status;
    while (now_ms() < end) {
        pid_t r = waitpid(b->pid, &status, WNOHANG);
        if (r == b->pid) {
            close(b->from);
            return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        }
        usleep(20000);
    }
    kill(b->pid, SIGKILL);
    waitpid(b->pid, &status, 0);
    close(b->from);
    return -1;
}

static int start_and_read_pty(board *b, const char *elf, const char *extra) {
    char line[256];
    if (board_start(b, elf, extra) || wait_line(b, "PTY ", line, sizeof line)) return -1;
    snprintf(b->pty, sizeof b->pty, "%.63s", line + 4);
    return wait_line(b, "READY ", line, sizeof line);
}

static int find_event(const uint8_t *buf, size_t n, char level, int *ts) {
    for (size_t i = 0; i + 2 < n; i++)
        if (buf[i] == 'E' && buf[i + 1] == level) {
            *ts = buf[i + 2];
            return 0;
        }
    return -1;
}

static void echo_firmware_tests(const char *elf) {
    board b, fr;
    char line[512];
    uint8_t buf[4096];
    size_t n;

    check(start_and_read_pty(&b, elf, NULL) == 0 && strncmp(b.pty, "/dev/", 5) == 0, "prints PTY <path> and READY",
          "no PTY/READY lines from %s", vboard_path);
    check(open_pty(&b) == 0, "the pty opens", "open %s: %s", b.pty, strerror(errno));
    n = pty_read_until(&b, buf, sizeof buf, "HI\n", 3, WAIT_MS);
    check(memmem(buf, n, "HI\n", 3) != NULL, "boot output waits in the pty for a late host", "got %zu bytes", n);

    pty_write(&b, "hello", 5);
    n = pty_read_until(&b, buf, sizeof buf, "hello", 5, WAIT_MS);
    check(memmem(buf, n, "hello", 5) != NULL, "host bytes reach the firmware and come back", "got %zu bytes", n);

    /* The test firmware timestamps INT0 edges with timer0 at clk/64 (4 us): 100 us = 25 ticks. */
    int t0 = -1, t1 = -1;
    int ok = run_cmd(&b, "pulse D2 100us") == 0 && wait_line(&b, "DONE pulse D2", line, sizeof line) == 0;
    n = pty_read_until(&b, buf, sizeof buf, "E1", 2, WAIT_MS);
    n += pty_read_until(&b, buf + n, sizeof buf - n, NULL, 0, 100);
    ok = ok && find_event(buf, n, '0', &t0) == 0 && find_event(buf, n, '1', &t1) == 0;
    check(ok && ((t1 - t0) & 0xFF) == 25, "pulse D2 100us: two INT0 edges 25 timer ticks apart",
          "events t0=%d t1=%d (%zu bytes)", t0, t1, n);

    ok = run_cmd(&b, "watch D13") == 0;
    pty_write(&b, "h", 1);
    ok = ok && wait_line(&b, "PIN D13 1 @", line, sizeof line) == 0;
    check(ok, "watch D13 reports the output going high", "no PIN D13 1 line");
    pty_read_until(&b, buf, sizeof buf, "h", 1, WAIT_MS);

    ok = run_cmd(&b, "unwatch D13") == 0 && run_cmd(&b, "link D13 D2") == 0;
    pty_write(&b, "l", 1);
    n = pty_read_until(&b, buf, sizeof buf, "E0", 2, WAIT_MS);
    check(ok && memmem(buf, n, "E0", 2), "link D13 D2: the output drives the input (edge seen by INT0)",
          "no E0 after 'l' (%zu bytes)", n);
    run_cmd(&b, "unlink D13 D2");

    ok = run_cmd(&b, "adc A0 2500") == 0;
    pty_write(&b, "a", 1);
    n = pty_read_until(&b, buf, sizeof buf, "a", 1, WAIT_MS);
    uint8_t *A = memchr(buf, 'A', n);
    int value = A && A + 2 < buf + n ? A[1] | A[2] << 8 : -1;
    check(ok && value >= 510 && value <= 513, "adc A0 2500 reads about 512 of 1023 (AVcc 5 V)", "read %d", value);

    unsigned line_no = b.lines_sent + 1;
    send_cmd(&b, "set D99 1");
    char want[128];
    snprintf(want, sizeof want, "ERR line %u: unknown pin D99 (uno has D0-D19)", line_no);
    ok = wait_line(&b, "ERR", line, sizeof line) == 0 && strcmp(line, want) == 0;
    check(ok, "a bad pin gets one ERR line naming the line and the pins", "got '%s', want '%s'", line, want);
    send_cmd(&b, "wave D2 100us");
    ok = wait_line(&b, "ERR", line, sizeof line) == 0 && strstr(line, "usage: wave") != NULL;
    check(ok, "a short command gets its usage", "got '%s'", line);
    send_cmd(&b, "frobnicate");
    ok = wait_line(&b, "ERR", line, sizeof line) == 0 && strstr(line, "unknown command 'frobnicate'") != NULL;
    pty_write(&b, "xyz", 3); /* not 'a': the test firmware reads the ADC on 'a' */
    n = pty_read_until(&b, buf, sizeof buf, "xyz", 3, WAIT_MS);
    check(ok && memmem(buf, n, "xyz", 3), "the board keeps running after bad commands", "got '%s'", line);

    ok = run_cmd(&b, "inject 00 ff 7e 00") == 0;
    n = pty_read_until(&b, buf, sizeof buf, "\x00\xff\x7e\x00", 4, WAIT_MS);
    check(ok && memmem(buf, n, "\x00\xff\x7e\x00", 4), "inject puts raw bytes on the host's line", "got %zu bytes", n);

    ok = run_cmd(&b, "reset") == 0 && wait_line(&b, "RESET @", line, sizeof line) == 0;
    n = pty_read_until(&b, buf, sizeof buf, "HI\n", 3, WAIT_MS);
    check(ok && memmem(buf, n, "HI\n", 3), "reset reboots the firmware", "got %zu bytes", n);

    /* The firmware's own watchdog resets the MCU inside simavr; the board must stay usable. */
    pty_write(&b, "w", 1);
    ok = wait_line(&b, "RESET watchdog @", line, sizeof line) == 0;
    n = pty_read_until(&b, buf, sizeof buf, "HI\n", 3, WAIT_MS);
    ok = ok && memmem(buf, n, "HI\n", 3) && run_cmd(&b, "pulse D2 20us") == 0 &&
         wait_line(&b, "DONE pulse D2", line, sizeof line) == 0;
    check(ok, "a watchdog reset is reported, and commands and I/O still work after it", "got %zu bytes", n);

    close(b.fd);
    ok = wait_line(&b, "HOST disconnected", line, sizeof line) == 0 && run_cmd(&b, "rx 7a") == 0;
    ok = ok && run_cmd(&b, "sleep 1ms") == 0 && open_pty(&b) == 0 && wait_line(&b, "HOST connected", line, sizeof line) == 0;
    n = pty_read_until(&b, buf, sizeof buf, "z", 1, WAIT_MS);
    check(ok && memchr(buf, 'z', n), "the host may close and reopen the port; output waits for it", "got %zu bytes", n);

    /* A second board at the same time, free-running: timing is exact in simulated cycles. */
    ok = start_and_read_pty(&fr, elf, "--free-run") == 0;
    check(ok && strcmp(fr.pty, b.pty) != 0, "two boards run at once on different ptys", "%s vs %s", fr.pty, b.pty);
    /* Exact timing, on the paced board: 200 ms ahead of now, so the command is surely early. */
    send_cmd(&b, "time");
    ok = wait_line(&b, "TIME ", line, sizeof line) == 0;
    unsigned long long at = strtoull(line + 5, NULL, 10) + 3200000ULL, done = 0;
    char wave[128];
    snprintf(wave, sizeof wave, "wave D2 1000us 4 at %lluc", at);
    ok = ok && run_cmd(&b, wave) == 0 && wait_line(&b, "DONE wave D2 @", line, sizeof line) == 0;
    if (ok) done = strtoull(line + strlen("DONE wave D2 @"), NULL, 10);
    /* Edge 3 of a 1 ms period: 1.5 ms = 24000 cycles after the first; simavr checks timers between instructions. */
    check(ok && done >= at + 24000 && done <= at + 24004, "wave edges land on exact simulated cycles",
          "first edge due @%llu, last edge @%llu", at, done);
    /* pattern: edges at the start, then after 100, 300 and 50 us: the last 7200 cycles after the first. */
    send_cmd(&b, "time");
    ok = wait_line(&b, "TIME ", line, sizeof line) == 0;
    at = strtoull(line + 5, NULL, 10) + 3200000ULL;
    snprintf(wave, sizeof wave, "pattern D2 100us,300us,50us at %lluc", at);
    ok = ok && run_cmd(&b, wave) == 0 && wait_line(&b, "DONE pattern D2 @", line, sizeof line) == 0;
    if (ok) done = strtoull(line + strlen("DONE pattern D2 @"), NULL, 10);
    check(ok && done >= at + 7200 && done <= at + 7204, "pattern edges land on exact simulated cycles",
          "first edge due @%llu, last edge @%llu", at, done);
    /* quad: from (0, 0), 3 steps forward (10, 11, 01) and 1 back (11), one every 10 us. */
    ok = run_cmd(&b, "set D2 0") == 0 && run_cmd(&b, "set D3 0") == 0;
    send_cmd(&b, "time");
    ok = ok && wait_line(&b, "TIME ", line, sizeof line) == 0;
    at = strtoull(line + 5, NULL, 10) + 3200000ULL;
    snprintf(wave, sizeof wave, "quad D2 D3 10us +3,-1 at %lluc", at);
    ok = ok && run_cmd(&b, wave) == 0 && wait_line(&b, "DONE quad D2 @", line, sizeof line) == 0;
    if (ok) done = strtoull(line + strlen("DONE quad D2 @"), NULL, 10);
    char l2[128] = "", l3[128] = "";
    send_cmd(&b, "get D2");
    ok = ok && wait_line(&b, "LEVEL D2", l2, sizeof l2) == 0;
    send_cmd(&b, "get D3");
    ok = ok && wait_line(&b, "LEVEL D3", l3, sizeof l3) == 0;
    check(ok && done >= at + 480 && done <= at + 484 && !strcmp(l2, "LEVEL D2 input 1") && !strcmp(l3, "LEVEL D3 input 1"),
          "quad: Gray-code steps on exact cycles, ending at the right levels", "last step @%llu (first due @%llu), %s, %s",
          done, at, l2, l3);
    /* hcsr04: the firmware's D13 is the trigger ('h', 'l'); 100 mm is an echo of 9324 cycles = 145.7 ticks on INT0. */
    ok = run_cmd(&b, "set D2 0") == 0 && run_cmd(&b, "hcsr04 D13 D2 100") == 0;
    pty_read_until(&b, buf, sizeof buf, NULL, 0, 100);
    pty_write(&b, "h", 1);
    pty_read_until(&b, buf, sizeof buf, "h", 1, WAIT_MS);
    pty_write(&b, "l", 1);
    ok = ok && wait_line(&b, "DONE echo D2", line, sizeof line) == 0;
    n = pty_read_until(&b, buf, sizeof buf, "E0", 2, WAIT_MS);
    n += pty_read_until(&b, buf + n, sizeof buf - n, NULL, 0, 100);
    t0 = t1 = -1;
    ok = ok && find_event(buf, n, '1', &t1) == 0 && find_event(buf, n, '0', &t0) == 0;
    int echo = (t0 - t1) & 0xFF;
    check(ok && (echo == 145 || echo == 146), "hcsr04: a trigger pulse gives an echo as wide as the distance",
          "echo %d ticks (%zu bytes)", echo, n);
    run_cmd(&b, "hcsr04 remove");
    ok = run_cmd(&fr, "sleep 20ms") == 0;
    send_cmd(&fr, "stats");
    ok = ok && wait_line(&fr, "STATS ", line, sizeof line) == 0;
    char *cyc = strstr(line, "cycles="), *sl = strstr(line, " asleep=");
    check(ok && cyc && strtoull(cyc + 7, NULL, 10) >= 104000 + 320000 && sl && strtod(sl + 8, NULL) > 0.9,
          "sleep holds later lines back; stats reports cycles and the asleep share", "got '%s'", line);
    long t = now_ms();
    int rc = board_stop(&fr);
    check(rc == 0 && now_ms() - t < WAIT_MS, "stdin EOF ends the board cleanly", "exit status %d", rc);

    send_cmd(&b, "quit");
    ok = wait_line(&b, "BYE", line, sizeof line) == 0;
    rc = board_stop(&b);
    check(ok && rc == 0, "quit ends the board cleanly", "exit status %d", rc);
}

/* Runs vboard with arguments through the shell; returns its exit status and its output (both streams). */
static int run_vboard(const char *args, char *out, size_t cap) {
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "timeout 20 %s %s 2>&1 </dev/null", vboard_path, args);
    FILE *p = popen(cmd, "r");
    if (!p) return -1;
    size_t n = fread(out, 1, cap - 1, p);
    out[n] = 0;
    int st = pclose(p);
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static int run_vboard(const char *args, char *out, size_t cap);

/* The Mega's pin map: INT0 is D21 (PD0), D13 is PB7, and errors name the Mega's pins. */
static void mega_tests(const char *elf) {
    board b;
    char line[512];
    uint8_t buf[1024];
    int ok = board_start(&b, elf, "--mcu=atmega2560") == 0 && wait_line(&b, "PTY ", line, sizeof line) == 0;
    if (ok) snprintf(b.pty, sizeof b.pty, "%.63s", line + 4);
    ok = ok && wait_line(&b, "READY board=mega2560 mcu=atmega2560", line, sizeof line) == 0 && open_pty(&b) == 0;
    size_t n = ok ? pty_read_until(&b, buf, sizeof buf, "HI\n", 3, WAIT_MS) : 0;
    check(ok && memmem(buf, n, "HI\n", 3), "mega2560: boots and talks on UART0", "got %zu bytes", n);
    int t0 = -1, t1 = -1;
    ok = run_cmd(&b, "pulse D21 40us") == 0;
    n = pty_read_until(&b, buf, sizeof buf, "E1", 2, WAIT_MS);
    n += pty_read_until(&b, buf + n, sizeof buf - n, NULL, 0, 100);
    ok = ok && find_event(buf, n, '0', &t0) == 0 && find_event(buf, n, '1', &t1) == 0;
    check(ok && ((t1 - t0) & 0xFF) == 10, "mega2560: D21 is INT0 (a 40 us pulse, 10 ticks)", "t0=%d t1=%d", t0, t1);
    ok = run_cmd(&b, "watch D13") == 0;
    pty_write(&b, "h", 1);
    check(ok && wait_line(&b, "PIN D13 1 @", line, sizeof line) == 0, "mega2560: D13 is PB7", "no PIN D13 line");
    send_cmd(&b, "set D70 1");
    ok = wait_line(&b, "ERR", line, sizeof line) == 0 && strstr(line, "unknown pin D70 (mega2560 has D0-D69)");
    check(ok, "mega2560: errors name the Mega's pins", "got '%s'", line);
    check(board_stop(&b) == 0, "mega2560: ends cleanly at stdin EOF", "bad exit");

    char out[4096], args[600];
    snprintf(args, sizeof args, "--mcu atmega328p %s", elf);
    int rc = run_vboard(args, out, sizeof out);
    check(rc == 2 && strstr(out, "was built for the avr6 core family, but the MCU is atmega328p"),
          "a Mega build on an Uno is refused at load time, not run as garbage", "exit %d, output: %s", rc, out);
}

static void reset_on_open_test(const char *elf) {
    board b;
    char line[256];
    uint8_t buf[256];
    int ok = start_and_read_pty(&b, elf, "--reset-on-open") == 0 && run_cmd(&b, "sleep 5ms") == 0;
    ok = ok && open_pty(&b) == 0 && wait_line(&b, "HOST connected", line, sizeof line) == 0 &&
         wait_line(&b, "RESET @", line, sizeof line) == 0;
    size_t n = ok ? pty_read_until(&b, buf, sizeof buf, "HI\n", 3, WAIT_MS) : 0;
    n += pty_read_until(&b, buf + n, sizeof buf - n, NULL, 0, 300); /* nothing more: the boot before the open is gone */
    check(ok && n == 3 && memcmp(buf, "HI\n", 3) == 0, "--reset-on-open: opening the port reboots the board",
          "got %zu bytes", n);
    board_stop(&b);
}

static void bad_input_tests(const char *elf) {
    char out[4096], args[600];
    int rc = run_vboard("/nonexistent/firmware.elf", out, sizeof out);
    check(rc == 2 && strstr(out, "vboard: firmware /nonexistent/firmware.elf: no such file") && !strstr(out, "PTY"),
          "a missing ELF is a one-line error and exit status 2", "exit %d, output: %s", rc, out);
    snprintf(args, sizeof args, "--mcu attiny85 %s", elf);
    rc = run_vboard(args, out, sizeof out);
    check(rc == 2 && strstr(out, "MCU attiny85 is not supported"), "an unsupported MCU is named in the error",
          "exit %d, output: %s", rc, out);
    rc = run_vboard("--board-config /nonexistent.conf x.elf", out, sizeof out);
    check(rc == 2 && strstr(out, "board config /nonexistent.conf"), "a missing board config is named in the error",
          "exit %d, output: %s", rc, out);
}

/* My codec against the shared vectors: decode every frame line, re-encode the valid ones. */
static void vector_tests(const char *path) {
    FILE *f = fopen(path, "r");
    if (!f) {
        skip("wire vectors", "the vectors file was not found");
        return;
    }
    char line[1024];
    int lines = 0, bad = 0;
    char first_bad[300] = "";
    while (fgets(line, sizeof line, f)) {
        char *bar = strchr(line, '|');
        if (line[0] == '#' || !bar) continue;
        uint8_t wire[300];
        size_t n = 0;
        for (char *p = line; p < bar; p++)
            if (p[0] != ' ' && p[1] && p[1] != ' ') {
                wire[n++] = (uint8_t)strtoul((char[]){p[0], p[1], 0}, NULL, 16);
                p++;
            }
        int invalid = strstr(bar, "INVALID") != NULL;
        vb_frame_reader r = {0};
        vb_frame fr;
        int res = 0;
        for (size_t i = 0; i < n; i++) {
            int x = vb_frame_feed(&r, wire[i], &fr);
            if (x) res = x;
        }
        int ok;
        if (invalid) {
            ok = res <= 0;
        } else {
            uint8_t again[80];
            size_t m = vb_frame_encode(fr.type, fr.seq, fr.payload, fr.len, again);
            ok = res == 1 && m == n && memcmp(again, wire, n) == 0;
        }
        lines++;
        if (!ok && !bad++) snprintf(first_bad, sizeof first_bad, "%.299s", line);
    }
    fclose(f);
    check(lines > 0 && bad == 0, "the self-test's frame codec agrees with tests/vectors/frames.txt",
          "%d of %d lines disagree, first: %s", bad, lines, first_bad);
}

/* Reads frames from the pty until one of `type` arrives (or timeout). */
static int next_frame(board *b, vb_frame_reader *r, int type, vb_frame *out, int ms) {
    long end = now_ms() + ms;
    uint8_t buf[256];
    while (now_ms() < end) {
        size_t n = pty_read_until(b, buf, 1, NULL, 0, (int)(end - now_ms()));
        if (!n) break;
        if (vb_frame_feed(r, buf[0], out) == 1 && (type < 0 || out->type == type)) return 0;
    }
    return -1;
}

static void collect_edge(void *ctx, int pin, int level, uint32_t ts) {
    int *e = ctx; /* e[0] count, then (pin, level, ts) triples */
    if (e[0] < 4) {
        e[1 + e[0] * 3] = pin;
        e[2 + e[0] * 3] = level;
        e[3 + e[0] * 3] = (int)ts;
    }
    e[0]++;
}

/* "<label>: <what>", for test names that repeat per firmware build. */
static const char *named(const char *label, const char *what) {
    static char buf[200];
    snprintf(buf, sizeof buf, "%s: %s", label, what);
    return buf;
}

static void real_firmware_tests(const char *label, const char *elf) {
    board b;
    vb_frame_reader r = {0};
    vb_frame f;
    uint8_t wire[80];
    check(start_and_read_pty(&b, elf, NULL) == 0 && open_pty(&b) == 0, named(label, "board starts, pty opens"),
          "no PTY/READY");
    int ok = next_frame(&b, &r, VB_T_HELLO, &f, WAIT_MS) == 0;
    int hello_pins = ok && f.len >= 21 ? f.payload[20] : 0;
    uint32_t fcpu = ok && f.len >= 11 ? (uint32_t)(f.payload[7] | f.payload[8] << 8 | f.payload[9] << 16 |
                                                   (uint32_t)f.payload[10] << 24) : 0;
    check(ok && f.seq == 0 && f.payload[0] == 0 && f.payload[1] == 2 && fcpu == 16000000,
          named(label, "boot HELLO (seq 0, req 0, protocol 2, 16 MHz)"), "ok=%d seq=%d len=%d f_cpu=%u", ok,
          f.seq, f.len, fcpu);

    uint8_t mode[] = {1, 2, 1};               /* req 1: PIN_MODE pin 2 input_pullup */
    pty_write(&b, wire, vb_frame_encode(VB_C_PIN_MODE, 0, mode, sizeof mode, wire));
    ok = next_frame(&b, &r, -1, &f, WAIT_MS) == 0 && f.type == VB_T_ACK && f.payload[0] == 1;
    uint8_t arm[] = {2, 2, 3, 0, 0};          /* req 2: ARM pin 2, both edges, no debounce */
    pty_write(&b, wire, vb_frame_encode(VB_C_ARM, 1, arm, sizeof arm, wire));
    ok = ok && next_frame(&b, &r, -1, &f, WAIT_MS) == 0 && f.type == VB_T_ACK && f.payload[0] == 2;
    check(ok, named(label, "PIN_MODE and ARM are ACKed"), "type 0x%02x req %d", f.type, f.payload[0]);

    ok = run_cmd(&b, "pulse D2 100us") == 0;
    int e[16] = {0};
    vb_events_tally t = {0};
    long end = now_ms() + WAIT_MS;
    while (ok && e[0] < 2 && now_ms() < end && next_frame(&b, &r, VB_T_EVENTS, &f, (int)(end - now_ms())) == 0)
        vb_events_parse(&f, &t, collect_edge, e);
    /* 100 us at the 4 us tick is 25 ticks; the ISR may see one tick of jitter. */
    int dt = e[0] >= 2 ? e[6] - e[3] : -1;
    check(ok && e[0] == 2 && e[1] == 2 && e[2] == 0 && e[4] == 2 && e[5] == 1 && dt >= 24 && dt <= 26 && !t.lost,
          named(label, "a 100 us pulse on D2 arrives as two edges 25 ticks apart"),
          "%d edges: pin %d level %d, pin %d level %d, dt %d, lost %llu", e[0], e[1], e[2], e[4], e[5], dt,
          (unsigned long long)t.lost);

    /* The firmware's pin map against the simulator's: drive every pin high through the
     * protocol and see the simulator report that very pin. D0/D1 (the link) and D2 (driven
     * by the test) are left out; pins the firmware refuses (NAK) are not counted. */
    int n_pins = hello_pins, mismatched = 0, tried = 0, refused = 0;
    char first_bad[200] = "";
    uint8_t req = 10, seq = 2;
    for (int pin = 3; pin < n_pins; pin++) {
        char cmd[32], want[32], line[256];
        snprintf(cmd, sizeof cmd, "watch D%d", pin);
        if (run_cmd(&b, cmd)) break;
        uint8_t mode_out[] = {req++, (uint8_t)pin, 2}, high[] = {req++, (uint8_t)pin, 1};
        pty_write(&b, wire, vb_frame_encode(VB_C_PIN_MODE, seq++, mode_out, sizeof mode_out, wire));
        pty_write(&b, wire, vb_frame_encode(VB_C_DIGITAL_WRITE, seq++, high, sizeof high, wire));
        int acks = 0, naks = 0;
        while (acks + naks < 2 && next_frame(&b, &r, -1, &f, WAIT_MS) == 0) {
            if (f.type == VB_T_ACK) acks++;
            if (f.type == VB_T_NAK) naks++;
        }
        if (naks) {
            refused++;
        } else {
            tried++;
            /* PIN_MODE output shows first as "PIN Dn 0", then the write as "PIN Dn 1". */
            snprintf(want, sizeof want, "PIN D%d 1 @", pin);
            int seen = 0;
            line[0] = 0;
            for (int k = 0; k < 2 && !seen && wait_line(&b, "PIN D", line, sizeof line) == 0; k++)
                seen = strncmp(line, want, strlen(want)) == 0;
            if (!seen && !mismatched++)
                snprintf(first_bad, sizeof first_bad, "D%d high showed as '%.100s'", pin, line);
        }
        snprintf(cmd, sizeof cmd, "unwatch D%d", pin);
        run_cmd(&b, cmd);
    }
    check(n_pins > 3 && tried > n_pins / 2 && !mismatched,
          named(label, "the firmware's pin map and the simulator's agree on every pin"),
          "%d of %d pins disagree (%d refused): %s", mismatched, tried, refused, first_bad);

    ok = run_cmd(&b, "adc A0 2500") == 0;
    uint8_t aread[] = {req++, 0};
    pty_write(&b, wire, vb_frame_encode(VB_C_ANALOG_READ, seq++, aread, sizeof aread, wire));
    ok = ok && next_frame(&b, &r, VB_T_ANALOG, &f, WAIT_MS) == 0 && f.len >= 4;
    int value = ok ? f.payload[2] | f.payload[3] << 8 : -1;
    check(ok && value >= 510 && value <= 513, named(label, "adc A0 2500 reads about 512 through ANALOG_READ"),
          "value %d", value);

    check(board_stop(&b) == 0, named(label, "the board ends cleanly"), "bad exit");
}

/* Reads frames until a PONG (or timeout); adds the EVENTS among them to t. 0 when the PONG came. */
static int until_pong(board *b, vb_frame_reader *r, vb_events_tally *t) {
    vb_frame f;
    long end = now_ms() + WAIT_MS;
    while (now_ms() < end && next_frame(b, r, -1, &f, (int)(end - now_ms())) == 0) {
        if (f.type == VB_T_EVENTS) vb_events_parse(&f, t, NULL, NULL);
        if (f.type == VB_T_PONG) return 0;
    }
    return -1;
}

/* Counts the records per pin (ctx: int[2 + 2 * 80]: pins a, b, then per pin the count and the
 * last level) and the same-level repeats of a and b (in [0] of the counts' tail). */
static void count_edge(void *ctx, int pin, int level, uint32_t ts) {
    (void)ts;
    int *c = ctx;
    if (pin < 0 || pin >= 80) return;
    if (c[2 + 2 * pin] > 0 && c[3 + 2 * pin] == level) c[162]++;
    c[2 + 2 * pin]++;
    c[3 + 2 * pin] = level;
}

/* The report "monitor --pins D2,D3 with D2 held low floods level-0 D2 records, then the board
 * stops answering": simavr 1.6's low-level INT poll, started while EICRA was still 00, outlived
 * the firmware's "any change" sense (native/vboard/src/core.c). Both pins low, PIN_MODE and ARM
 * of a then b, as the host does; then, and again after a reset with the pins still low: no record
 * while the pins are quiet and a PING answered, then 10 edges on each pin arrive exactly. */
static void held_low_pair_test(const char *label, const char *elf, const char *extra, int pa, int pb) {
    board b;
    vb_frame_reader r = {0};
    vb_frame f;
    uint8_t wire[80], req = 1, seq = 0;
    char cmd[64], line[256], what[120];
    int ok = start_and_read_pty(&b, elf, extra) == 0 && open_pty(&b) == 0 &&
             next_frame(&b, &r, VB_T_HELLO, &f, WAIT_MS) == 0;
    snprintf(cmd, sizeof cmd, "set D%d 0", pa);
    ok = ok && run_cmd(&b, cmd) == 0;
    snprintf(cmd, sizeof cmd, "set D%d 0", pb);
    ok = ok && run_cmd(&b, cmd) == 0;
    for (int round = 0; round < 2 && ok; round++) {
        const char *when = round ? "after a reset, " : "";
        if (round) { /* a reset (simavr turns its repeated low-level triggering back on), then each pin up and down */
            ok = run_cmd(&b, "reset") == 0 && next_frame(&b, &r, VB_T_HELLO, &f, WAIT_MS) == 0;
            for (int k = 0; k < 4 && ok; k++) {
                snprintf(cmd, sizeof cmd, "set D%d %d", k < 2 ? pa : pb, !(k & 1));
                ok = run_cmd(&b, cmd) == 0;
            }
            seq = 0;
        }
        int acks = 0;
        for (int k = 0; k < 2 && ok; k++) {
            uint8_t pin = (uint8_t)(k ? pb : pa);
            uint8_t mode[] = {req++, pin, 0}, arm[] = {req++, pin, 3, 0, 0};
            pty_write(&b, wire, vb_frame_encode(VB_C_PIN_MODE, seq++, mode, sizeof mode, wire));
            pty_write(&b, wire, vb_frame_encode(VB_C_ARM, seq++, arm, sizeof arm, wire));
            for (int n = 0; n < 2 && next_frame(&b, &r, -1, &f, WAIT_MS) == 0; n++)
                acks += f.type == VB_T_ACK;
        }
        int c[163] = {0};
        vb_events_tally t = {0};
        ok = acks == 4 && run_cmd(&b, "sleep 20ms") == 0;
        uint8_t ping[] = {req++, 0x5A};
        if (ok) pty_write(&b, wire, vb_frame_encode(VB_C_PING, seq++, ping, sizeof ping, wire));
        int ponged = ok && until_pong(&b, &r, &t) == 0;
        snprintf(what, sizeof what, "%sD%d then D%d armed with both held low: no record while quiet, PING answered",
                 when, pa, pb);
        check(ponged && t.edges == 0 && !t.lost, named(label, what), "ACKs %d of 4, PONG %d, %u records, lost %llu",
              acks, ponged, t.edges, (unsigned long long)t.lost);
        ok = ponged && t.edges == 0;
        int ran = ok;
        memset(&t, 0, sizeof t);
        snprintf(cmd, sizeof cmd, "wave D%d 1ms 10", pa);
        ok = ok && run_cmd(&b, cmd) == 0 && wait_line(&b, "DONE wave", line, sizeof line) == 0;
        snprintf(cmd, sizeof cmd, "wave D%d 1ms 10", pb);
        ok = ok && run_cmd(&b, cmd) == 0 && wait_line(&b, "DONE wave", line, sizeof line) == 0;
        long end = now_ms() + WAIT_MS;
        while (ok && (int)t.edges < 20 && now_ms() < end && next_frame(&b, &r, VB_T_EVENTS, &f, (int)(end - now_ms())) == 0)
            vb_events_parse(&f, &t, count_edge, c);
        if (ok) pty_read_until(&b, wire, sizeof wire, NULL, 0, 50); /* nothing more may follow */
        snprintf(what, sizeof what, "%sD%d then D%d armed: 10 edges on each arrive exactly", when, pa, pb);
        if (!ran)
            check(0, named(label, what), "not run: the step before failed");
        else
            check(ok && t.edges == 20 && c[2 + 2 * pa] == 10 && c[2 + 2 * pb] == 10 && !c[162] && !t.lost,
                  named(label, what), "%u records: D%d %d, D%d %d, same-level %d, lost %llu", t.edges, pa,
                  c[2 + 2 * pa], pb, c[2 + 2 * pb], c[162], (unsigned long long)t.lost);
        ok = ok && t.edges == 20;
    }
    board_stop(&b);
}

/* --bootloader: Optiboot (built by make optiboot) at 0x7e00 under the echo firmware. The host's
 * open resets into Optiboot with EXTRF, which answers avrdude's STK_GET_SYNC; left alone, its
 * watchdog starts the firmware, which says HI. A hex inside the firmware is refused. */
static void bootloader_test(const char *elf, const char *root) {
    char hex[512], arg[600], line[256], out[4096];
    uint8_t buf[64];
    snprintf(hex, sizeof hex, "%s/build/optiboot/optiboot_atmega328.hex", root);
    if (access(hex, R_OK)) {
        check(0, "--bootloader: Optiboot answers the sync on open", "%s is missing (make optiboot)", hex);
        return;
    }
    board b;
    snprintf(arg, sizeof arg, "--bootloader=%s", hex);
    int ok = start_and_read_pty(&b, elf, arg) == 0 && wait_line(&b, "BOOTLOADER 0x7e00-0x7fff ", line, sizeof line) == 0;
    ok = ok && run_cmd(&b, "sleep 5ms") == 0 && open_pty(&b) == 0 && wait_line(&b, "RESET @", line, sizeof line) == 0;
    if (ok) pty_write(&b, "\x30\x20", 2); /* STK_GET_SYNC, CRC_EOP */
    size_t n = ok ? pty_read_until(&b, buf, 2, NULL, 0, WAIT_MS) : 0;
    check(n == 2 && buf[0] == 0x14 && buf[1] == 0x10, "--bootloader: opening the port starts Optiboot, which answers the sync",
          "got %zu bytes: %02x %02x", n, n > 0 ? buf[0] : 0, n > 1 ? buf[1] : 0);
    ok = n == 2 && wait_line(&b, "RESET watchdog @", line, sizeof line) == 0;
    n = ok ? pty_read_until(&b, buf, sizeof buf, "HI\n", 3, WAIT_MS) : 0;
    check(n >= 3 && memmem(buf, n, "HI\n", 3), "--bootloader: left alone, Optiboot's watchdog starts the firmware",
          "got %zu bytes", n);
    board_stop(&b);
    char low[] = "/tmp/vboard-boot-XXXXXX";
    int fd = mkstemp(low);
    const char rec[] = ":020100001124C8\n:00000001FF\n";
    if (fd < 0 || write(fd, rec, sizeof rec - 1) != (ssize_t)(sizeof rec - 1)) perror("write the hex");
    close(fd);
    snprintf(arg, sizeof arg, "--bootloader %s %s", low, elf);
    int rc = run_vboard(arg, out, sizeof out);
    check(rc == 2 && strstr(out, "starts at 0x100, inside the firmware (0x0-") && !strstr(out, "PTY"),
          "--bootloader: a bootloader over the firmware is a one-line error and exit status 2", "exit %d, output: %s",
          rc, out);
    unlink(low);
}

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: vboard-selftest VBOARD ECHO_FW.elf [WAKEWIRE.elf [ECHO_FW_MEGA.elf [WAKEWIRE_MEGA.elf]]]\n");
        return 2;
    }
    signal(SIGPIPE, SIG_IGN);
    vboard_path = argv[1];
    char vectors[512];
    const char *root = getenv("WAKEWIRE_ROOT");
    snprintf(vectors, sizeof vectors, "%s/tests/vectors/frames.txt", root ? root : ".");
    vector_tests(vectors);
    bad_input_tests(argv[2]);
    echo_firmware_tests(argv[2]);
    reset_on_open_test(argv[2]);
    bootloader_test(argv[2], root ? root : ".");
    if (argc > 4 && argv[4][0]) mega_tests(argv[4]);
    if (argc > 3 && argv[3][0]) {
        real_firmware_tests("wakewire firmware", argv[3]);
        held_low_pair_test("wakewire firmware", argv[3], NULL, 2, 3);
        held_low_pair_test("wakewire firmware", argv[3], NULL, 3, 2);
    } else
        skip("wakewire firmware tests", "the firmware ELF was not built");
    if (argc > 5 && argv[5][0]) {
        real_firmware_tests("wakewire firmware, mega2560", argv[5]);
        held_low_pair_test("wakewire firmware, mega2560", argv[5], "--mcu=atmega2560", 21, 20); /* INT0, INT1: EICRA */
        held_low_pair_test("wakewire firmware, mega2560", argv[5], "--mcu=atmega2560", 2, 3);   /* INT4, INT5: EICRB */
    } else
        skip("wakewire firmware tests on the mega2560", "its ELF was not built");
    printf("vboard: %d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
