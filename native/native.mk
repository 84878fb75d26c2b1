# Native rules (owned by native/). Targets: vboard, vboard-test, sim, bench-firmware.
#
#   make vboard                 build/vboard/vboard (the virtual board) and build/vboard/vboard-bench
#   make vboard-test            bounded self-test: a tiny test firmware, then the real one if it builds
#   make sim BOARD=uno          the real firmware on a virtual board; prints "PTY <path>", reads commands
#   make bench-firmware         METRIC lines measured on the virtual board (needs the real firmware)
.PHONY: vboard vboard-test sim bench-firmware

VBOARD_DIR := $(ROOT)/native/vboard
VBOARD_OUT := $(BUILD)/vboard
VBOARD := $(VBOARD_OUT)/vboard
VBOARD_BENCH := $(VBOARD_OUT)/vboard-bench
VBOARD_SELFTEST := $(VBOARD_OUT)/vboard-selftest
VBOARD_UNIT := $(VBOARD_OUT)/vboard-unit
VBOARD_TEST_FW := $(VBOARD_OUT)/echo_fw.elf
VBOARD_TEST_FW_MEGA := $(VBOARD_OUT)/echo_fw_mega.elf
VBOARD_CC ?= gcc
VBOARD_CFLAGS := -std=gnu11 -O2 -g -Wall -Wextra -I/usr/include/simavr
VBOARD_LIBS := -lsimavr -lutil -lm
# The simulation core, shared by both front ends (vboard_main.c, bench_main.c).
VBOARD_CORE := $(filter-out %_main.c,$(wildcard $(VBOARD_DIR)/src/*.c))
VBOARD_HDRS := $(wildcard $(VBOARD_DIR)/src/*.h)
# The firmware the real-firmware tests and benchmarks run (avr-firmware/firmware.mk builds it).
VBOARD_FW_ELF := $(BUILD)/$(BOARD)/wakewire.elf
VBOARD_CONF := $(ROOT)/board-configs/$(BOARD).conf

vboard: $(VBOARD) $(VBOARD_BENCH)

$(VBOARD): $(VBOARD_CORE) $(VBOARD_DIR)/src/vboard_main.c $(VBOARD_HDRS)
	@mkdir -p $(@D)
	$(VBOARD_CC) $(VBOARD_CFLAGS) -o $@ $(VBOARD_CORE) $(VBOARD_DIR)/src/vboard_main.c $(VBOARD_LIBS)

$(VBOARD_BENCH): $(VBOARD_CORE) $(VBOARD_DIR)/src/bench_main.c $(VBOARD_HDRS)
	@mkdir -p $(@D)
	$(VBOARD_CC) $(VBOARD_CFLAGS) -o $@ $(VBOARD_CORE) $(VBOARD_DIR)/src/bench_main.c $(VBOARD_LIBS)

$(VBOARD_SELFTEST): $(VBOARD_DIR)/test/selftest.c $(VBOARD_DIR)/src/wire_frames.c $(VBOARD_DIR)/src/wire_frames.h
	@mkdir -p $(@D)
	$(VBOARD_CC) $(VBOARD_CFLAGS) -I$(VBOARD_DIR)/src -o $@ $(VBOARD_DIR)/test/selftest.c $(VBOARD_DIR)/src/wire_frames.c

$(VBOARD_UNIT): $(VBOARD_DIR)/test/unit_test.c $(VBOARD_CORE) $(VBOARD_HDRS)
	@mkdir -p $(@D)
	$(VBOARD_CC) $(VBOARD_CFLAGS) -I$(VBOARD_DIR)/src -o $@ $(VBOARD_DIR)/test/unit_test.c $(VBOARD_CORE) $(VBOARD_LIBS) -lcmocka

$(VBOARD_TEST_FW): $(VBOARD_DIR)/test/echo_fw.c
	@mkdir -p $(@D)
	avr-gcc -mmcu=atmega328p -DF_CPU=16000000UL -Os -Wall -o $@ $<

$(VBOARD_TEST_FW_MEGA): $(VBOARD_DIR)/test/echo_fw.c
	@mkdir -p $(@D)
	avr-gcc -mmcu=atmega2560 -DF_CPU=16000000UL -Os -Wall -o $@ $<

# The real-firmware half runs when `make firmware` can build the ELF; otherwise it is reported
# as skipped (never as passed), and under make test (WAKEWIRE_NATIVE_REQUIRED) as a failure. The
# firmware build's errors are shown either way (only its progress lines are not).
# bench_test.sh: vboard-bench fails a run that drops a METRIC line.
vboard-test: vboard $(VBOARD_UNIT) $(VBOARD_SELFTEST) $(VBOARD_TEST_FW) $(VBOARD_TEST_FW_MEGA)
	@VBOARD_ECHO_ELF=$(VBOARD_TEST_FW) timeout 60 $(VBOARD_UNIT)
	@fw=""; if $(MAKE) --no-print-directory firmware BOARD=uno >/dev/null && [ -f $(BUILD)/uno/wakewire.elf ]; then fw=$(BUILD)/uno/wakewire.elf; fi; \
	mega=""; if $(MAKE) --no-print-directory firmware BOARD=mega2560 >/dev/null && [ -f $(BUILD)/mega2560/wakewire.elf ]; then mega=$(BUILD)/mega2560/wakewire.elf; fi; \
	WAKEWIRE_ROOT=$(ROOT) timeout 300 $(VBOARD_SELFTEST) $(VBOARD) $(VBOARD_TEST_FW) "$$fw" $(VBOARD_TEST_FW_MEGA) "$$mega" || exit 1; \
	$(VBOARD_DIR)/test/bench_test.sh $(VBOARD_BENCH) $(VBOARD_TEST_FW) "$$fw"

sim: vboard
	@$(MAKE) --no-print-directory firmware BOARD=$(BOARD) >&2
	@[ -f $(VBOARD_FW_ELF) ] || { echo "sim: $(VBOARD_FW_ELF) was not built (make firmware BOARD=$(BOARD))" >&2; exit 1; }
	@exec $(VBOARD) --board-config $(VBOARD_CONF) $(VBOARD_FW_ELF)

# The 115200-baud figure needs its own build; BUILD= keeps it out of build/<board>/.
VBOARD_BENCH_115200 := $(BUILD)/bench-115200
bench-firmware: vboard
	@$(MAKE) --no-print-directory firmware BOARD=$(BOARD) >&2
	@[ -f $(VBOARD_FW_ELF) ] || { echo "bench-firmware: $(VBOARD_FW_ELF) was not built (make firmware BOARD=$(BOARD))" >&2; exit 1; }
	@$(MAKE) --no-print-directory firmware BOARD=$(BOARD) BAUD=115200 BUILD=$(VBOARD_BENCH_115200) >&2
	@echo "bench-firmware: $(BOARD), $$(uname -m), $$(nproc) cores; figures from simavr's cycle counter, free-running" >&2
	@timeout 900 $(VBOARD_BENCH) --board-config $(VBOARD_CONF) $(VBOARD_FW_ELF)
	@timeout 900 $(VBOARD_BENCH) --only throughput --board-config $(VBOARD_CONF) $(VBOARD_BENCH_115200)/$(BOARD)/wakewire.elf
include $(ROOT)/native/optiboot.mk
