/*
 * cycle_profile: where a firmware's busy cycles go, per function, from the ELF's symbols.
 *
 * The caller attributes each simulation step's busy cycles to the PC it started at; the
 * profile maps the PC to the nearest function symbol at or below it. Trade-offs: code that
 * LTO inlined counts under its caller; a linear search per step (fine for the few
 * thousand steps of a latency probe or a short trial, too slow to leave on for long runs).
 */
#ifndef VB_CYCLE_PROFILE_H
#define VB_CYCLE_PROFILE_H

#include <simavr/sim_elf.h>
#include <stdint.h>
#include <stdio.h>

#define VB_PROFILE_MAX 512

typedef struct vb_profile {
    struct { const char *name; uint32_t addr; uint64_t cycles; } fn[VB_PROFILE_MAX];
    int n;
} vb_profile;

/* Takes the code symbols of a loaded ELF (not data, not linker constants). */
void vb_profile_load(vb_profile *p, const elf_firmware_t *fw);
void vb_profile_add(vb_profile *p, uint32_t pc, uint64_t cycles);
/* Prints the functions by cycles per sample, then clears the counts. */
void vb_profile_print(vb_profile *p, FILE *out, const char *what, int samples);

#endif
