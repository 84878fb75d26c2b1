#!/usr/bin/env bash
# make test-arm: build/wakewire.jar on Debian's arm64 and armhf JVMs (under qemu-user, unpacked by
# tests/arm/fetch-runtimes.sh), against a virtual Uno that runs natively on this machine.
#
#   tests/arm/test-arm.sh ROOT CPU...        ROOT: the checkout (its build/ holds everything)
#
# On each CPU, and each is a hard failure with the reason:
#   1. the jar's own main runs (`java -jar wakewire.jar --version`), on aarch64 with the
#      continuation engine (32-bit ARM has no VM continuations: armhf uses the hand-off engine);
#   2. the runtime's automatic choice is the native reactor (its linux-<cpu> library from the jar);
#   3. through that reactor it connects to the virtual board, which then drives a 2,000-edge square
#      wave at 20,000 edges/s on D2: exactly 2,000 alternating edges arrive, none lost, clean counters;
#   4. Pi4J starts with the jar's plugins (PiGpio.open()), and input(17) fails with "no gpio chip".
set -euo pipefail
trap '' PIPE # a virtual board that died must fail a check, not kill this script on a write

root=${1:?usage: $0 ROOT CPU...}; shift
arm=$root/build/arm
jar=$root/build/wakewire.jar
vboard=$root/build/vboard/vboard
elf=$root/build/uno/wakewire.elf
check_cp=$jar:$arm/check
# what the jar's manifest gives `java -jar` (Add-Exports, Enable-Native-Access), for the -cp runs
CP_OPTS=(--add-exports java.base/jdk.internal.vm=ALL-UNNAMED --enable-native-access=ALL-UNNAMED)
EDGES=2000
PERIOD=100us # a full period, two edges: 20,000 edges/s
# A JVM emulated on a shared machine: C1 only and the serial collector keep the compile and GC
# threads from starving the one that reads the port. Every run is bounded.
JVM_OPTS=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC)
LIMIT=300

for f in "$jar" "$vboard" "$elf" "$arm/check/io/wakewire/armcheck/ArmCheck.class"; do
  [ -f "$f" ] || { echo "test-arm: $f is missing (make test-arm builds it)" >&2; exit 1; }
done

failed=0
fail() { echo "test-arm: $cpu: FAILED: $*" >&2; failed=1; }
work=$(mktemp -d)
vb_pid= probe=
cleanup() {
  for p in $probe $vb_pid; do kill "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 143' INT TERM # so that cleanup runs

# expect FILE PATTERN WHAT: FILE (printed above) has a line matching PATTERN, else a failure naming WHAT
expect() {
  grep -qE "$2" "$1" || fail "$3"
}

for cpu in "$@"; do
  case $cpu in
    aarch64) qemu=$arm/qemu/usr/bin/qemu-aarch64 deb=arm64 arch=aarch64 ;;
    armhf) qemu=$arm/qemu/usr/bin/qemu-arm deb=armhf arch=arm ;;
    *) echo "test-arm: unknown CPU $cpu (aarch64 or armhf)" >&2; exit 2 ;;
  esac
  sysroot=$arm/root-$cpu
  java=$sysroot/usr/lib/jvm/java-21-openjdk-$deb/bin/java
  [ -x "$qemu" ] && [ -x "$java" ] || { echo "test-arm: no $qemu or $java (make test-arm fetches them)" >&2; exit 1; }
  # QEMU_LD_PREFIX: the guest's /lib, /usr/lib and /etc come from the unpacked root
  run() { QEMU_LD_PREFIX=$sysroot timeout "$LIMIT" "$qemu" "$java" "${JVM_OPTS[@]}" "$@"; }
  t0=$SECONDS
  echo "test-arm: $cpu: $(QEMU_LD_PREFIX=$sysroot "$qemu" "$java" -version 2>&1 | sed -n 2p)"

  # 1. the jar's main
  rc=0; run -jar "$jar" --version >"$work/version.out" 2>&1 || rc=$?
  sed "s/^/test-arm: $cpu: wakewire --version: /" "$work/version.out"
  [ $rc = 0 ] || fail "java -jar wakewire.jar --version exited $rc"
  expect "$work/version.out" "^wakewire [0-9]" "the jar's main did not print its version"
  # The fast engine needs VM continuations, which HotSpot has on aarch64 but not on 32-bit ARM
  # (jdk.internal.vm.Continuation fails to initialise there): armhf runs the thread hand-off engine.
  if [ "$cpu" = aarch64 ]; then
    expect "$work/version.out" "^async engine: continuation\$" "the jar did not choose the continuation engine"
  fi

  # 2-4 in one JVM (each start costs seconds emulated): the choice, Pi4J, then the pulse train
  coproc VB { exec "$vboard" --board-config "$root/board-configs/uno.conf" "$elf" 2>&1; }
  vb_pid=$VB_PID
  exec {vb_out}<&"${VB[0]}" {vb_in}>&"${VB[1]}"
  line= ready=
  read -r -t 30 -u "$vb_out" line || true
  read -r -t 30 -u "$vb_out" ready || true
  pty=${line#PTY }
  if [[ $line != PTY\ /* ]] || [[ $ready != READY* ]]; then
    fail "the virtual board did not start: '$line' '$ready'"
  else
    # not through run(): $! must be timeout's pid, so that cleanup's kill reaches the JVM
    QEMU_LD_PREFIX=$sysroot timeout "$LIMIT" "$qemu" "$java" "${JVM_OPTS[@]}" "${CP_OPTS[@]}" -cp "$check_cp" \
      io.wakewire.armcheck.ArmCheck transport gpio edges "$pty" uno D2 "$EDGES" >"$work/check.out" 2>&1 &
    probe=$!
    for _ in $(seq 1 "$LIMIT"); do
      grep -q '^ARMED' "$work/check.out" && break
      kill -0 "$probe" 2>/dev/null || break
      sleep 0.5
    done
    if grep -q '^ARMED' "$work/check.out"; then
      echo "wave D2 $PERIOD $EDGES" >&"$vb_in"
      done_line=
      while read -r -t 60 -u "$vb_out" l; do
        case $l in "DONE wave D2"*) done_line=$l; break ;; ERR*|HALTED*|RESET*) fail "virtual board: $l"; break ;; esac
      done
      [ -n "$done_line" ] || fail "the virtual board never reported the wave done"
      stats=
      echo stats >&"$vb_in"
      while read -r -t 30 -u "$vb_out" l; do case $l in STATS*) stats=$l; break ;; esac; done
      [[ $stats == *" edges_driven=$EDGES "* ]] || fail "the virtual board drove other than $EDGES edges: ${stats:-no STATS}"
    fi
    rc=0; wait "$probe" || rc=$?
    probe=
    sed "s/^/test-arm: $cpu: /" "$work/check.out"
    [ $rc = 0 ] || fail "ArmCheck exited $rc"
    expect "$work/check.out" "^OK jvm .* on $arch, async engine " "the JVM is not an $arch one"
    expect "$work/check.out" "^OK transport native reactor" "the native reactor was not chosen"
    expect "$work/check.out" "^OK gpio PiGpio.open\(\): Pi4J providers .*gpiod-digital-input" \
      "Pi4J did not start with the gpiod plugin"
    expect "$work/check.out" "^OK gpio input\(17\) refused: .*[Nn]o gpio chip" "input(17) did not fail with no gpio chip"
    expect "$work/check.out" "^OK connected to uno on .* through NativeSerialLinkFactory" "no connection through the reactor"
    expect "$work/check.out" "^OK $EDGES edges on D2, 0 lost, 0 repeated levels, 0 extra\$" "not every edge arrived"
    expect "$work/check.out" "^OK counters clean" "counters not clean"
  fi
  echo quit >&"$vb_in" || true
  wait "$vb_pid" 2>/dev/null || true
  exec {vb_out}<&- {vb_in}>&-
  vb_pid=

  echo "test-arm: $cpu: done in $((SECONDS - t0)) s"
done

if [ $failed != 0 ]; then
  echo "test-arm: FAILED (above)" >&2
  exit 1
fi
echo "test-arm: passed on $*"
