#include "vectors.h"
#include <stdlib.h>
#include <string.h>

static int hexval(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

int hex_bytes(const char *s, uint8_t *out, int max)
{
    int n = 0;
    if (strcmp(s, "-") == 0)
        return 0;
    while (*s) {
        if (*s == ' ') { s++; continue; }
        int hi = hexval(s[0]), lo = s[1] ? hexval(s[1]) : -1;
        if (hi < 0 || lo < 0 || n >= max)
            return -1;
        out[n++] = (uint8_t)(hi << 4 | lo);
        s += 2;
    }
    return n;
}

int vector_next(FILE *f, struct vector *v, int *lineno)
{
    char buf[2048];
    while (fgets(buf, sizeof buf, f)) {
        (*lineno)++;
        buf[strcspn(buf, "\r\n")] = 0;
        if (buf[0] == 0 || buf[0] == '#')
            continue;
        char *bar = strstr(buf, " | ");
        if (!bar) {
            fprintf(stderr, "frames.txt:%d: no ' | ' separator\n", *lineno);
            return -1;
        }
        *bar = 0;
        v->line = *lineno;
        v->wire_len = hex_bytes(buf, v->wire, sizeof v->wire);
        if (v->wire_len <= 0) {
            fprintf(stderr, "frames.txt:%d: bad hex bytes\n", *lineno);
            return -1;
        }
        snprintf(v->meaning, sizeof v->meaning, "%s", bar + 3);
        snprintf(v->text, sizeof v->text, "%s", bar + 3);
        v->ntok = 0;
        for (char *t = strtok(v->text, " "); t && v->ntok < VEC_MAX_TOKENS; t = strtok(NULL, " "))
            v->tok[v->ntok++] = t;
        return 1;
    }
    return 0;
}

const char *vector_get(const struct vector *v, const char *key, int n)
{
    size_t k = strlen(key);
    for (int i = 1; i < v->ntok; i++)
        if (strncmp(v->tok[i], key, k) == 0 && v->tok[i][k] == '=' && n-- == 0)
            return v->tok[i] + k + 1;
    return NULL;
}

unsigned long vector_num(const struct vector *v, const char *key)
{
    const char *s = vector_get(v, key, 0);
    return s ? strtoul(s, NULL, 0) : 0;
}
