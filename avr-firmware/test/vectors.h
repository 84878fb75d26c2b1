/* Reading tests/vectors/frames.txt: one parsed line (the syntax is documented in that file). */
#ifndef WW_TEST_VECTORS_H
#define WW_TEST_VECTORS_H
#include <stdint.h>
#include <stdio.h>

#define VEC_MAX_TOKENS 48

struct vector {
    int line;
    uint8_t wire[256];
    int wire_len;
    char meaning[1024];          /* the text after " | " */
    char text[1024];             /* scratch copy split into tokens */
    char *tok[VEC_MAX_TOKENS];   /* tok[0] = dir or INVALID, tok[1] = TYPE, then key=value */
    int ntok;
};

/* Reads the next vector line; returns 0 at end of file, -1 (with a message) on a syntax error. */
int vector_next(FILE *f, struct vector *v, int *lineno);
/* The value of key in v (the n-th occurrence, from 0), or NULL. */
const char *vector_get(const struct vector *v, const char *key, int n);
unsigned long vector_num(const struct vector *v, const char *key);
/* Parses hex text ("-" = empty) into out; returns the length or -1. */
int hex_bytes(const char *s, uint8_t *out, int max);

#endif
