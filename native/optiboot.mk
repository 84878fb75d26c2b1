# The Uno's bootloader, built from Debian's arduino-core-avr (make deps installs it), for the
# virtual board's bootloader mode. Targets: optiboot, sim-bootloader.
#
#   make optiboot          build/optiboot/optiboot_atmega328.hex (Optiboot at 0x7e00, 115200 baud)
#   make sim-bootloader    a virtual Uno with Optiboot at 0x7e00 and the firmware as its
#                          application; prints "PTY <path>": rehearse `wakewire flash --port <path>`
#
# Built here from the package's source and never committed. The package's own
# optiboot_atmega328.hex (532 B) is not used: it was built with LED_START_FLASHES=3 and puts
# 20 bytes at 0x8000-0x8013, past the end of the 32 KiB flash. With avr-gcc 5.4 the source fits
# the 512 B boot section only without the start-up LED flashes (LED_START_FLASHES=0: 496 B).
# Flags as in the package's Makefile (target atmega328); -Wno-unused-function silences its
# flash_led, which LED_START_FLASHES=0 leaves declared and unused.
.PHONY: optiboot sim-bootloader

OPTIBOOT_SRC := /usr/share/arduino/hardware/arduino/avr/bootloaders/optiboot
OPTIBOOT_OUT := $(BUILD)/optiboot
OPTIBOOT_ELF := $(OPTIBOOT_OUT)/optiboot_atmega328.elf
OPTIBOOT_HEX := $(OPTIBOOT_OUT)/optiboot_atmega328.hex
OPTIBOOT_CFLAGS := -g -Wall -Wno-unused-function -Os -fno-inline-small-functions -fno-split-wide-types -mshort-calls \
                   -mmcu=atmega328p -DF_CPU=16000000L -DBAUD_RATE=115200 -DLED_START_FLASHES=0
OPTIBOOT_LDFLAGS := -Wl,--section-start=.text=0x7e00 -Wl,--section-start=.version=0x7ffe \
                    -Wl,--relax -Wl,--gc-sections -nostartfiles -nostdlib

optiboot: $(OPTIBOOT_HEX)

# $(wildcard): a missing package gets the sentence below instead of make's "no rule to make target".
$(OPTIBOOT_ELF): $(wildcard $(OPTIBOOT_SRC)/optiboot.c)
	@[ -f $(OPTIBOOT_SRC)/optiboot.c ] || { echo "optiboot: $(OPTIBOOT_SRC)/optiboot.c is missing; install arduino-core-avr (make deps)" >&2; exit 3; }
	@mkdir -p $(@D)
	avr-gcc $(OPTIBOOT_CFLAGS) $(OPTIBOOT_LDFLAGS) -o $@ $(OPTIBOOT_SRC)/optiboot.c

# The boot section is 0x7e00-0x7fff: anything outside it would overwrite the application or
# fall off the end of flash (the vboard refuses such a hex too).
$(OPTIBOOT_HEX): $(OPTIBOOT_ELF)
	avr-objcopy -j .text -j .data -j .version --set-section-flags .version=alloc,load -O ihex $< $@
	@size=$$(avr-size -A $< | awk '$$1 == ".text" { print $$2 }'); \
	  if [ "$$size" -gt 510 ]; then echo "optiboot: .text is $$size B; the boot section holds 510 B before the version word" >&2; rm -f $@; exit 1; fi; \
	  echo "optiboot: $@ ($$size B of code at 0x7e00)"

# The end-to-end flash tests (java-runtime's FlashThroughBootloaderTest) need the bootloader and
# the test firmware that plays the application flashed before.
java-test: $(OPTIBOOT_HEX) $(VBOARD_TEST_FW)
# The vboard self-test starts Optiboot under the test firmware (bootloader_test in test/selftest.c).
vboard-test: $(OPTIBOOT_HEX)

sim-bootloader: vboard $(OPTIBOOT_HEX)
	@$(MAKE) --no-print-directory firmware BOARD=uno >&2
	@[ -f $(BUILD)/uno/wakewire.elf ] || { echo "sim-bootloader: $(BUILD)/uno/wakewire.elf was not built (make firmware BOARD=uno)" >&2; exit 1; }
	@echo "sim-bootloader: Optiboot at 0x7e00; in another terminal: build/wakewire flash --board uno --port <the PTY below>" >&2
	@exec $(VBOARD) --board-config $(ROOT)/board-configs/uno.conf --bootloader $(OPTIBOOT_HEX) $(BUILD)/uno/wakewire.elf
