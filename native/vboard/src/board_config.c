#include "board_config.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *trim(char *s) {
    while (isspace((unsigned char)*s)) s++;
    size_t n = strlen(s);
    while (n && isspace((unsigned char)s[n - 1])) s[--n] = 0;
    return s;
}

int vb_board_config_read(const char *path, vb_board_config *out, char *err, size_t errlen) {
    memset(out, 0, sizeof *out);
    FILE *f = fopen(path, "r");
    if (!f) {
        snprintf(err, errlen, "board config %s: %s", path, strerror(errno));
        return -1;
    }
    char line[512];
    int no = 0, rc = 0;
    while (fgets(line, sizeof line, f)) {
        no++;
        char *hash = strchr(line, '#');
        if (hash) *hash = 0;
        char *s = trim(line);
        if (!*s) continue;
        char *eq = strchr(s, '=');
        if (!eq) {
            snprintf(err, errlen, "%s:%d: expected 'key = value'", path, no);
            rc = -1;
            break;
        }
        *eq = 0;
        char *key = trim(s), *value = trim(eq + 1);
        if (!strcmp(key, "board")) {
            snprintf(out->board, sizeof out->board, "%s", value);
        } else if (!strcmp(key, "mcu")) {
            snprintf(out->mcu, sizeof out->mcu, "%s", value);
        } else if (!strcmp(key, "f_cpu")) {
            char *end;
            unsigned long v = strtoul(value, &end, 10);
            if (*end || end == value || v < 1000 || v > 100000000UL) {
                snprintf(err, errlen, "%s:%d: f_cpu '%s' is not a clock in Hz", path, no, value);
                rc = -1;
                break;
            }
            out->f_cpu = (uint32_t)v;
        }
    }
    fclose(f);
    return rc;
}
