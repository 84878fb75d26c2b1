#!/bin/sh
# Flash and static RAM of firmware ELFs (avr-size): the table `make size` prints and the limit
# checks of `make size-check` (firmware.mk builds the ELFs and calls this).
#
#   size.sh table TITLE CORE_ELF [MODULE=ELF ...] ALL_ELF
#       the core, each module's own cost (its build minus the core), the all-modules build;
#       MODULE=ELF@NEEDED=BASE_ELF: a module built with one it needs, its cost over BASE_ELF
#   size.sh check LABEL ELF FLASH_LIMIT RAM_LIMIT [WHAT]
#       one line "LABEL: flash F / L B, static RAM R / L B [WHAT]"; exits 1 above a limit
#   size.sh app LABEL BASE_ELF APP_ELF FLASH_LIMIT RAM_LIMIT
#       an app's cost (its build minus the same build without it) and the whole build's limits
#
# Flash is .text + .data (the initial values are stored in flash), static RAM .data + .bss +
# .noinit (the stack comes on top).
set -eu

# "flash ram" of one ELF
measure() {
    [ -f "$1" ] || { echo "size.sh: $1 was not built" >&2; exit 1; }
    avr-size -A "$1" | awk '$1==".text"||$1==".data"||$1==".bss"||$1==".noinit"{s[$1]=$2}
        END{print s[".text"]+s[".data"], s[".data"]+s[".bss"]+s[".noinit"]}'
}

# 4096 -> 4,096
commas() {
    echo "$1" | sed -e ':a' -e 's/\([0-9]\)\([0-9]\{3\}\)\($\|,\)/\1,\2\3/' -e 'ta'
}

row() { # label flash ram [note]
    printf '  %-22s %9s B %9s B%s\n' "$1" "$(commas "$2")" "$(commas "$3")" "${4:+  $4}"
}

case "${1:-}" in
table)
    title=$2 core=$3
    shift 3
    echo "size $title:"
    printf '  %-22s %11s %11s\n' build flash "static RAM"
    read -r cf cr <<EOF
$(measure "$core")
EOF
    row core "$cf" "$cr"
    n=$#
    i=0
    for a in "$@"; do
        i=$((i + 1))
        if [ $i -eq $n ]; then
            read -r f r <<EOF
$(measure "$a")
EOF
            row "all modules" "$f" "$r"
        else
            m=${a%%=*} elf=${a#*=} bf=$cf br=$cr on=core
            case $elf in *@*) # module=ELF@needed=BASE_ELF: its cost over the core with what it needs
                base=${elf#*@} elf=${elf%%@*}
                on="core + ${base%%=*}" base=${base#*=}
                read -r bf br <<EOF
$(measure "$base")
EOF
                ;;
            esac
            read -r f r <<EOF
$(measure "$elf")
EOF
            row "module $m" "+$((f - bf))" "+$((r - br))" "($on + $m: $(commas "$f") B / $(commas "$r") B)"
        fi
    done
    ;;
check)
    label=$2 elf=$3 fl=$4 rl=$5 what=${6:-}
    read -r f r <<EOF
$(measure "$elf")
EOF
    echo "size-check $label: flash $(commas "$f") / $(commas "$fl") B, static RAM $(commas "$r") / $(commas "$rl") B${what:+ ($what)}"
    [ "$f" -le "$fl" ] || { echo "size-check: $label: flash $f B is over the limit of $fl B" >&2; exit 1; }
    [ "$r" -le "$rl" ] || { echo "size-check: $label: static RAM $r B is over the limit of $rl B" >&2; exit 1; }
    ;;
app)
    label=$2 base=$3 elf=$4 fl=$5 rl=$6
    read -r bf br <<EOF
$(measure "$base")
EOF
    read -r f r <<EOF
$(measure "$elf")
EOF
    echo "size $label: the app (runtime + tasks) +$(commas $((f - bf))) B flash, +$(commas $((r - br))) B static RAM; whole build $(commas "$f") / $(commas "$fl") B, $(commas "$r") / $(commas "$rl") B"
    [ "$f" -le "$fl" ] || { echo "size: $label: flash $f B is over the limit of $fl B" >&2; exit 1; }
    [ "$r" -le "$rl" ] || { echo "size: $label: static RAM $r B is over the limit of $rl B" >&2; exit 1; }
    ;;
*)
    echo "usage: size.sh table TITLE CORE_ELF [MODULE=ELF ...] ALL_ELF | size.sh check LABEL ELF FLASH_LIMIT RAM_LIMIT [WHAT] | size.sh app LABEL BASE_ELF APP_ELF FLASH_LIMIT RAM_LIMIT" >&2
    exit 2
    ;;
esac
