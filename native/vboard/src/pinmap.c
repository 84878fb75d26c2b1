#include "pinmap.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Arduino "standard" variant: D0-D7 = PD0-7, D8-D13 = PB0-5, D14-D19 (A0-A5) = PC0-5. */
static const char standard_ports[20][2] = {
    {'D', 0}, {'D', 1}, {'D', 2}, {'D', 3}, {'D', 4}, {'D', 5}, {'D', 6}, {'D', 7},
    {'B', 0}, {'B', 1}, {'B', 2}, {'B', 3}, {'B', 4}, {'B', 5},
    {'C', 0}, {'C', 1}, {'C', 2}, {'C', 3}, {'C', 4}, {'C', 5},
};

/* Arduino "mega" variant (pins_arduino.h of the Mega 2560), D0..D69. */
static const char mega_ports[70][2] = {
    {'E', 0}, {'E', 1}, {'E', 4}, {'E', 5}, {'G', 5}, {'E', 3}, {'H', 3}, {'H', 4},   /* D0-D7 */
    {'H', 5}, {'H', 6}, {'B', 4}, {'B', 5}, {'B', 6}, {'B', 7},                       /* D8-D13 */
    {'J', 1}, {'J', 0}, {'H', 1}, {'H', 0}, {'D', 3}, {'D', 2}, {'D', 1}, {'D', 0},   /* D14-D21 */
    {'A', 0}, {'A', 1}, {'A', 2}, {'A', 3}, {'A', 4}, {'A', 5}, {'A', 6}, {'A', 7},   /* D22-D29 */
    {'C', 7}, {'C', 6}, {'C', 5}, {'C', 4}, {'C', 3}, {'C', 2}, {'C', 1}, {'C', 0},   /* D30-D37 */
    {'D', 7}, {'G', 2}, {'G', 1}, {'G', 0},                                           /* D38-D41 */
    {'L', 7}, {'L', 6}, {'L', 5}, {'L', 4}, {'L', 3}, {'L', 2}, {'L', 1}, {'L', 0},   /* D42-D49 */
    {'B', 3}, {'B', 2}, {'B', 1}, {'B', 0},                                           /* D50-D53 */
    {'F', 0}, {'F', 1}, {'F', 2}, {'F', 3}, {'F', 4}, {'F', 5}, {'F', 6}, {'F', 7},   /* A0-A7 */
    {'K', 0}, {'K', 1}, {'K', 2}, {'K', 3}, {'K', 4}, {'K', 5}, {'K', 6}, {'K', 7},   /* A8-A15 */
};

static const vb_pinmap maps[] = {
    {"atmega328p", "uno", 20, 14, 8, standard_ports, '0'},
    {"atmega328", "uno", 20, 14, 8, standard_ports, '0'},
    {"atmega2560", "mega2560", 70, 54, 16, mega_ports, '0'},
};

const vb_pinmap *vb_pinmap_for(const char *mcu) {
    for (size_t i = 0; i < sizeof maps / sizeof maps[0]; i++)
        if (strcasecmp(maps[i].mcu, mcu) == 0) return &maps[i];
    return NULL;
}

const char *vb_pinmap_supported(void) { return "atmega328p, atmega2560"; }

int vb_pin_at(const vb_pinmap *map, int number, vb_pin *out) {
    if (number < 0 || number >= map->n_digital) return -1;
    out->number = (int16_t)number;
    out->port = map->ports[number][0];
    out->bit = (uint8_t)map->ports[number][1];
    int a = number - map->first_analog;
    out->adc = (int8_t)(a >= 0 && a < map->n_analog ? a : -1);
    return 0;
}

static int parse_uint(const char *s, long *out) {
    if (!*s) return -1;
    for (const char *p = s; *p; p++)
        if (!isdigit((unsigned char)*p)) return -1;
    *out = strtol(s, NULL, 10);
    return 0;
}

int vb_pin_parse(const vb_pinmap *map, const char *name, vb_pin *out, char *err, size_t errlen) {
    long n;
    char c = (char)toupper((unsigned char)name[0]);
    int last_d = map->n_digital - 1;
    if ((c == 'D' && parse_uint(name + 1, &n) == 0) || parse_uint(name, &n) == 0) {
        if (vb_pin_at(map, (int)n, out) == 0) return 0;
        snprintf(err, errlen, "unknown pin %s (%s has D0-D%d)", name, map->board_label, last_d);
        return -1;
    }
    if (c == 'A' && parse_uint(name + 1, &n) == 0) {
        if (n < map->n_analog) {
            int d = map->first_analog + (int)n;
            if (vb_pin_at(map, d, out) == 0) return 0;
            /* An analog-only channel: the ADC has it, the ports do not. */
            *out = (vb_pin){.number = -1, .port = 0, .bit = 0, .adc = (int8_t)n};
            return 0;
        }
        snprintf(err, errlen, "unknown pin %s (%s has A0-A%d)", name, map->board_label, map->n_analog - 1);
        return -1;
    }
    if (c == 'P' && name[1] && isalpha((unsigned char)name[1]) && name[2] >= '0' && name[2] <= '7' && !name[3]) {
        char port = (char)toupper((unsigned char)name[1]);
        for (int d = 0; d < map->n_digital; d++)
            if (map->ports[d][0] == port && map->ports[d][1] == name[2] - '0') return vb_pin_at(map, d, out);
        snprintf(err, errlen, "pin %s is not wired to an Arduino pin on %s", name, map->board_label);
        return -1;
    }
    snprintf(err, errlen, "unknown pin %s (%s has D0-D%d, A0-A%d, or P<port><bit>)", name, map->board_label, last_d,
             map->n_analog - 1);
    return -1;
}

void vb_pin_name(const vb_pin *pin, char *buf, size_t len) {
    if (pin->number < 0)
        snprintf(buf, len, "A%d", pin->adc);
    else
        snprintf(buf, len, "D%d", pin->number);
}
