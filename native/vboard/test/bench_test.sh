#!/usr/bin/env bash
# vboard-bench's exit status is the record of a bench run: every METRIC asked for is printed, or
# the run fails. Checks both ways, in seconds (the long throughput search is not run here):
#   a firmware that never says HELLO (the echo test firmware): no latency METRIC, exit 1;
#   the real firmware: every size and latency METRIC, exit 0.
# usage: bench_test.sh VBOARD_BENCH ECHO_FW.elf [WAKEWIRE.elf]   (empty WAKEWIRE.elf: that half
# is skipped, or fails when WAKEWIRE_NATIVE_REQUIRED is set, as under make test)
set -u
bench=$1 echo_fw=$2 fw=${3:-}
passed=0 failed=0
check() { # check OK NAME WHY
    if [ "$1" = 1 ]; then passed=$((passed + 1)); echo "ok   - $2"; else failed=$((failed + 1)); echo "FAIL - $2: $3"; fi
}

out=$(timeout 120 "$bench" --only latency "$echo_fw" 2>&1); rc=$?
ok=0; [ $rc = 1 ] && ! grep -q '^METRIC' <<<"$out" && grep -q 'not measured' <<<"$out" && ok=1
check $ok "vboard-bench: a metric it cannot measure fails the run" "exit $rc, output: $out"

out=$(timeout 120 "$bench" --only latancy "$echo_fw" 2>&1); rc=$?
ok=0; [ $rc = 2 ] && grep -q -- '--only latancy' <<<"$out" && ok=1
check $ok "vboard-bench: a misspelt --only is an error, not an empty run" "exit $rc, output: $out"

if [ -n "$fw" ]; then
    out=$(timeout 300 "$bench" --only size,latency "$fw" 2>&1); rc=$?
    ok=0; [ $rc = 0 ] && ok=1
    for m in flash_bytes ram_bytes edge_to_timestamp_cycles edge_to_timestamp_cycles_max \
             edge_to_first_tx_byte_us edge_to_first_tx_byte_us_max; do
        grep -q "^METRIC $m " <<<"$out" || ok=0
    done
    check $ok "vboard-bench: the real firmware gives every size and latency METRIC, exit 0" "exit $rc, output: $out"
elif [ -n "${WAKEWIRE_NATIVE_REQUIRED:-}" ]; then
    check 0 "vboard-bench on the real firmware" "its ELF was not built (make test requires it)"
else
    echo "skip - vboard-bench on the real firmware: its ELF was not built"
fi
echo "vboard-bench: $passed passed, $failed failed"
[ $failed = 0 ]
