#!/bin/sh
# Builds StandardFirmata (firmata/arduino 2.5.8) for the Uno, offline, in a scratch directory, for
# make bench-stream's same-run comparison. Nothing third-party is committed: the Arduino AVR core
# and its Wire library come from Debian's arduino-core-avr (1.8.7), the Firmata library from the
# npm package node-pixel@0.11.0, which vendors it (npm pack). The Servo library is in no
# registry reachable here, so a stand-in header with no-op methods takes its place (Firmata's
# size is then understated; its analog and digital paths are untouched).
#
#   build_firmata.sh OUT_DIR      -> OUT_DIR/StandardFirmata.elf (57,600 baud, as shipped)
set -eu
out=$1
core=/usr/share/arduino/hardware/arduino/avr
[ -d "$core/cores/arduino" ] || { echo "build_firmata: no Arduino AVR core at $core (apt-get install arduino-core-avr)" >&2; exit 1; }
command -v npm >/dev/null || { echo "build_firmata: npm not found (apt-get install npm)" >&2; exit 1; }
mkdir -p "$out"
[ -f "$out/StandardFirmata.elf" ] && exit 0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent node-pixel@0.11.0 >/dev/null && tar xzf node-pixel-0.11.0.tgz)
fm=$work/package/firmware/src/libs/firmata/arduino
[ -f "$fm/Firmata.cpp" ] || { echo "build_firmata: node-pixel@0.11.0 has no Firmata library where expected" >&2; exit 1; }
mkdir -p "$work/servo"
cat > "$work/servo/Servo.h" <<'H'
/* stand-in: the Servo library is not packaged here; StandardFirmata only needs its interface */
#ifndef SERVO_STANDIN_H
#define SERVO_STANDIN_H
#include <Arduino.h>
#define MIN_PULSE_WIDTH 544
#define MAX_PULSE_WIDTH 2400
#define MAX_SERVOS 12
class Servo {
public:
    uint8_t attach(int) { return 0; }
    uint8_t attach(int, int, int) { return 0; }
    void detach() {}
    void write(int) {}
    void writeMicroseconds(int) {}
    int read() { return 0; }
    bool attached() { return false; }
};
#endif
H
flags="-Os -g -flto -mmcu=atmega328p -DF_CPU=16000000L -DARDUINO=10807 -DARDUINO_AVR_UNO -DARDUINO_ARCH_AVR -ffunction-sections -fdata-sections"
inc="-I$core/cores/arduino -I$core/variants/standard -I$core/libraries/Wire/src -I$core/libraries/Wire/src/utility -I$fm -I$work/servo"
cxx="-std=gnu++11 -fpermissive -fno-exceptions -fno-threadsafe-statics -Wno-error=narrowing -DDECIMAL_DIG=17"  # avr-libc 2.0's float.h lacks it in C++
objs=""
n=0
for f in "$core"/cores/arduino/*.c "$core"/libraries/Wire/src/utility/*.c; do
    n=$((n + 1)); avr-gcc $flags -std=gnu11 $inc -c "$f" -o "$work/o$n.o"; objs="$objs $work/o$n.o"
done
for f in "$core"/cores/arduino/*.cpp "$core"/libraries/Wire/src/*.cpp "$fm"/Firmata.cpp "$fm"/FirmataMarshaller.cpp "$fm"/FirmataParser.cpp; do
    n=$((n + 1)); avr-g++ $flags $cxx $inc -c "$f" -o "$work/o$n.o"; objs="$objs $work/o$n.o"
done
cp "$fm/examples/StandardFirmata/StandardFirmata.ino" "$work/sf.cpp"
sed -i '1i #include <Arduino.h>' "$work/sf.cpp"
avr-g++ $flags $cxx $inc -c "$work/sf.cpp" -o "$work/sf.o"
avr-gcc $flags -fuse-linker-plugin -Wl,--gc-sections -o "$out/StandardFirmata.elf" "$work/sf.o" $objs -lm
avr-size "$out/StandardFirmata.elf" | tail -1 | awk '{print "build_firmata: StandardFirmata.elf " $1 + $2 " B flash, " $2 + $3 " B static RAM"}'
