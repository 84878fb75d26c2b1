#!/bin/sh
# Writes the apps `make bench-mcu-runtime` measures into DIR (one folder each, app.h + tasks.c):
#   tasks1..3   1..3 identical tasks, each awaiting a falling edge and toggling D13
#   edges1..3   one task selecting over 1..3 edges (D2..D4)
#   timers1..3  one task selecting over an edge and 1..3 timers (msgs1..3, signals1..3: message
#               waits, signals)
#   idle3       three tasks waiting: an edge (D2), a message (topic 5), a signal
#   idle3t      the same, the third on a 60-s sleep instead (the 1.024 ms tick runs meanwhile)
set -eu
dir=$1
mkdir -p "$dir"

# task NAME PIN: a task awaiting a falling edge on PIN, then toggling D13
task() {
    cat <<EOF
struct $1 { WW_TASK_STATE; struct ww_edge e; uint8_t on; };
WW_TASK($1)
{
    WW_BEGIN();
    gpio_mode($2, 1);
    gpio_mode(13, 2);
    for (;;) {
        WW_AWAIT_EDGE(&self->e, $2, WW_FALLING);
        self->on ^= 1;
        gpio_write(13, self->on);
    }
    WW_END();
}
EOF
}

app() { # name tasks-list body-writer
    mkdir -p "$dir/$1"
    printf '#define APP_TASKS(X) %s\n#define WW_EDGE_SLOTS 3\n' "$2" > "$dir/$1/app.h"
    { echo '#include "gpio.h"'; echo '#include "ww.h"'; } > "$dir/$1/tasks.c"
}

for n in 1 2 3; do
    list=""
    for i in $(seq 1 $n); do list="$list X(t$i)"; done
    app tasks$n "$list"
    for i in $(seq 1 $n); do task t$i $((i + 1)) >> "$dir/tasks$n/tasks.c"; done
done

# select over k edges (and j timers, m message waits, g signals)
sel() { # name k j [m [g]]
    app $1 "X(s)"
    srcs="" decl="" m=${4:-0} g=${5:-0}
    for i in $(seq 1 $2); do decl="$decl struct ww_edge e$i;"; srcs="$srcs, &self->e$i"; done
    for i in $(seq 1 $3); do decl="$decl struct ww_timer t$i;"; srcs="$srcs, &self->t$i"; done
    for i in $(seq 1 $m); do decl="$decl struct ww_msg m$i;"; srcs="$srcs, &self->m$i"; done
    for i in $(seq 1 $g); do echo "static struct ww_signal g$i;" >> "$dir/$1/tasks.c"; srcs="$srcs, &g$i"; done
    {
        echo "struct s { WW_TASK_STATE;$decl uint8_t won; };"
        echo "WW_TASK(s)"
        echo "{"
        echo "    WW_BEGIN();"
        echo "    for (;;) {"
        for i in $(seq 1 $2); do echo "        ww_edge_arm(&self->e$i, $((i + 1)), WW_FALLING);"; done
        for i in $(seq 1 $3); do echo "        ww_timer_in(&self->t$i, WW_MS($((i * 100))));"; done
        for i in $(seq 1 $m); do echo "        ww_msg_wait(&self->m$i, $i);"; done
        echo "        WW_SELECT(self->won$srcs);"
        echo "        gpio_write(13, self->won & 1);"
        echo "    }"
        echo "    WW_END();"
        echo "}"
    } >> "$dir/$1/tasks.c"
}
for k in 1 2 3; do sel edges$k $k 0; sel timers$k 1 $k; sel msgs$k 1 0 $k; sel signals$k 1 0 0 $k; done

idle() { # name third-wait
    app $1 "X(a) X(b) X(c)"
    task a 2 >> "$dir/$1/tasks.c"
    cat >> "$dir/$1/tasks.c" <<EOF
struct b { WW_TASK_STATE; struct ww_msg m; };
WW_TASK(b)
{
    WW_BEGIN();
    for (;;) {
        WW_AWAIT_MSG(5, &self->m);
        msg_send(5, self->m.data, self->m.len);
    }
    WW_END();
}
static struct ww_signal go;
struct c { WW_TASK_STATE; uint16_t v; };
WW_TASK(c)
{
    WW_BEGIN();
    for (;;) {
        $2
        gpio_write(12, 1);
    }
    WW_END();
}
EOF
}
idle idle3 'WW_AWAIT_SIGNAL(&go, &self->v);'
idle idle3t 'WW_SLEEP_MS(60000); (void)go;'
