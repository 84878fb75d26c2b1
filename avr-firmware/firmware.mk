# Firmware rules (owned by avr-firmware/). Included by the top Makefile, which sets ROOT, BUILD, BOARD.
#
#   make firmware BOARD=uno [BAUD=115200] [EXAMPLE=button]   build/<board>/wakewire.elf and .hex
#   make size BOARD=uno          flash and RAM use (avr-size)
#   make size-check              fails if the ATmega328P firmware exceeds 4,096 B of flash or 512 B
#                                of static RAM (data + bss; the EXAMPLE=button build: 512 B of RAM
#                                and a flash ceiling of its own, see below)
#   make firmware-test           the host-compiled cmocka tests, the edge-rate floors on simavr,
#                                then the fuzzer for FUZZ_SECONDS
#   make fuzz FUZZ_SECONDS=300   only the fuzzer
#   make firmware-floor          only the edge-rate floors (the real ELF in simavr, asserted)
#   make firmware-rates          edge-rate figures for other pins and boards (printed, not asserted)
#
# mcu, f_cpu and baud come from board-configs/$(BOARD).conf; BAUD= on the command line wins.

FW_DIR := $(ROOT)/avr-firmware
FW_CONF := $(ROOT)/board-configs/$(BOARD).conf
# a key's value from the board file: `key = value  # comment`
fw_conf = $(strip $(shell sed -n 's/^[[:space:]]*$(1)[[:space:]]*=[[:space:]]*\([^\#]*\).*/\1/p' $(FW_CONF) 2>/dev/null))
FW_MCU := $(call fw_conf,mcu)
FW_F_CPU := $(call fw_conf,f_cpu)
BAUD ?= $(call fw_conf,baud)
FW_PINS := $(if $(filter atmega2560,$(FW_MCU)),2560,328p)
FW_OUT := $(BUILD)/$(BOARD)$(if $(EXAMPLE),-$(EXAMPLE))

# Start-up: the 328P has its own (vector table cut after ADC, start-up code in unused vector
# slots, the reset cause taken there; start_328p.S), the Mega avr-libc's crt and reset_cause.c.
FW_START_328p := start_328p.S
FW_START_2560 := reset_cause.c
FW_LDFLAGS_328p := -nostartfiles $(FW_DIR)/hw/start_328p.ld
FW_PURE := crc.c frame_writer.c frame_reader.c events.c command.c answers.c
FW_HW := main.c executor.c timer.c timer_isr.S uart.c uart_isr.S edges.c edge_isr.S asm_layout.c gpio.c adc.c adc_isr.S \
         dispatch.c events_task.c pins_$(FW_PINS).c $(FW_START_$(FW_PINS))
FW_EXAMPLE_button := task_button.c
FW_EXAMPLE_FLAGS_button := -DEXAMPLE_TASK=task_button -DEXAMPLE_INIT=button_init
FW_SRCS := $(addprefix $(FW_DIR)/src/,$(FW_PURE)) $(addprefix $(FW_DIR)/hw/,$(FW_HW) $(FW_EXAMPLE_$(EXAMPLE)))
FW_HDRS := $(wildcard $(FW_DIR)/src/*.h $(FW_DIR)/hw/*.h $(FW_DIR)/hw/*.ld)

FW_CC := avr-gcc
FW_CFLAGS := -mmcu=$(FW_MCU) -DF_CPU=$(FW_F_CPU)UL -DBAUD=$(BAUD)UL -DPINS_MCU_H='"pins_$(FW_PINS).h"' \
             $(FW_EXAMPLE_FLAGS_$(EXAMPLE)) -I$(FW_DIR)/src -I$(FW_DIR)/hw \
             -std=gnu11 -Os -flto -mrelax -mcall-prologues -mstrict-X -maccumulate-args -fno-tree-pre -fno-tree-scev-cprop -fno-split-wide-types -fno-tree-loop-optimize -fno-move-loop-invariants -fno-jump-tables -fno-tree-switch-conversion -ffunction-sections -fdata-sections -fshort-enums \
             -Wall -Wextra -Werror=cpp -Wl,--gc-sections $(FW_EXTRA)

.PHONY: firmware size size-check firmware-test fuzz fw-check-board

fw-check-board:
	@[ -f "$(FW_CONF)" ] || { echo "firmware: no board file $(FW_CONF) (BOARD=$(BOARD)); boards: $$(ls $(ROOT)/board-configs/*.conf | xargs -n1 basename | sed 's/.conf$$//' | tr '\n' ' ')" >&2; exit 1; }
	@[ "$$(sed -n 's/^kind *= *//p' $(FW_CONF))" = avr ] || { echo "firmware: $(FW_CONF): kind is not avr" >&2; exit 1; }
	@[ -n "$(FW_MCU)" ] && [ -n "$(FW_F_CPU)" ] && [ -n "$(BAUD)" ] || { echo "firmware: $(FW_CONF) needs mcu, f_cpu and baud" >&2; exit 1; }
	@case "$(FW_MCU)" in atmega328p|atmega2560) ;; *) echo "firmware: $(FW_CONF): mcu $(FW_MCU) is not supported (atmega328p, atmega2560)" >&2; exit 1;; esac
	@[ -z "$(EXAMPLE)" ] || [ -n "$(FW_EXAMPLE_$(EXAMPLE))" ] || { echo "firmware: EXAMPLE=$(EXAMPLE) is unknown (try EXAMPLE=button)" >&2; exit 1; }
	@command -v $(FW_CC) >/dev/null || { echo "firmware: avr-gcc not found; run make deps" >&2; exit 1; }

# The flags file changes when BOARD/BAUD/EXAMPLE do, so the ELF is rebuilt exactly then.
$(FW_OUT)/flags: FORCE
	@mkdir -p $(@D)
	@echo '$(FW_CFLAGS)' | cmp -s - $@ || echo '$(FW_CFLAGS)' > $@
.PHONY: FORCE
FORCE:

$(FW_OUT)/wakewire.elf: $(FW_SRCS) $(FW_HDRS) $(FW_CONF) $(FW_OUT)/flags
	$(FW_CC) $(FW_CFLAGS) -o $@ $(FW_SRCS) $(FW_LDFLAGS_$(FW_PINS)) -Wl,-Map,$(FW_OUT)/wakewire.map

$(FW_OUT)/wakewire.hex: $(FW_OUT)/wakewire.elf
	avr-objcopy -O ihex -R .eeprom $< $@

firmware: fw-check-board
	@$(MAKE) --no-print-directory $(FW_OUT)/wakewire.hex
	@echo "firmware: $(FW_OUT)/wakewire.elf ($(FW_MCU), $(FW_F_CPU) Hz, $(BAUD) baud)"

size: firmware
	@avr-size -A $(FW_OUT)/wakewire.elf | awk '$$1==".text"||$$1==".data"||$$1==".bss"||$$1==".noinit"{s[$$1]=$$2} \
	  END{printf "%s: flash %d B (text %d + data %d), static RAM %d B (data %d + bss %d + noinit %d)\n", \
	  "$(BOARD)$(if $(EXAMPLE), EXAMPLE=$(EXAMPLE))", s[".text"]+s[".data"], s[".text"], s[".data"], s[".data"]+s[".bss"]+s[".noinit"], s[".data"], s[".bss"], s[".noinit"]}'

# Limits for the ATmega328P: the firmware's budget (every byte counts), and a ceiling for the
# EXAMPLE=button build, whose extra ~280 B is the example user task (opt-in, in the place of a
# user's own): held so it cannot grow unnoticed, not part of the firmware's budget. Static RAM
# is budgeted for both: a user task needs its stack.
FW_FLASH_LIMIT := 4096
FW_EXAMPLE_FLASH_LIMIT := 4416
FW_RAM_LIMIT := 512
size-check:
	@for ex in "" button; do \
	  $(MAKE) --no-print-directory firmware BOARD=uno EXAMPLE=$$ex >/dev/null || exit 1; \
	  elf=$(BUILD)/uno$${ex:+-$$ex}/wakewire.elf; \
	  avr-size -A $$elf | awk -v ex="$$ex" -v fl=$$([ -n "$$ex" ] && echo $(FW_EXAMPLE_FLASH_LIMIT) || echo $(FW_FLASH_LIMIT)) -v rl=$(FW_RAM_LIMIT) \
	    '$$1==".text"||$$1==".data"||$$1==".bss"||$$1==".noinit"{s[$$1]=$$2} \
	    END{f=s[".text"]+s[".data"]; r=s[".data"]+s[".bss"]+s[".noinit"]; \
	    printf "size-check uno%s: flash %d / %d B, static RAM %d / %d B\n", (ex?" EXAMPLE="ex" (the example task'"'"'s ceiling)":""), f, fl, r, rl; \
	    if (f>fl) {print "size-check: flash over the limit" > "/dev/stderr"; exit 1} \
	    if (r>rl) {print "size-check: static RAM over the limit" > "/dev/stderr"; exit 1}}' || exit 1; \
	done

# ---- host-compiled tests and the fuzzer ------------------------------------------------
FW_TEST_OUT := $(BUILD)/firmware-test
FW_TESTS := test_crc_cobs test_ring_events test_command test_vectors
FW_HOST_SRCS := $(addprefix $(FW_DIR)/src/,$(FW_PURE))
FW_HOST_CFLAGS := -std=c11 -g -O1 -Wall -Wextra -Werror -fsanitize=address,undefined -fno-sanitize-recover=all \
                  -I$(FW_DIR)/src -I$(FW_DIR)/test -DVECTORS_FILE='"$(ROOT)/tests/vectors/frames.txt"'
FUZZ_SECONDS ?= 30

$(FW_TEST_OUT)/%: $(FW_DIR)/test/%.c $(FW_DIR)/test/vectors.c $(FW_HOST_SRCS) $(FW_HDRS) $(wildcard $(FW_DIR)/test/*.h)
	@mkdir -p $(@D)
	gcc $(FW_HOST_CFLAGS) -o $@ $< $(FW_DIR)/test/vectors.c $(FW_HOST_SRCS) -lcmocka

$(FW_TEST_OUT)/fuzz_frames: $(FW_DIR)/fuzz/fuzz_frames.c $(FW_HOST_SRCS) $(FW_HDRS)
	@mkdir -p $(@D)
	clang -g -O1 -fsanitize=fuzzer,address,undefined -I$(FW_DIR)/src -o $@ $< $(FW_HOST_SRCS)

firmware-test: $(addprefix $(FW_TEST_OUT)/,$(FW_TESTS))
	@for t in $(FW_TESTS); do $(FW_TEST_OUT)/$$t || exit 1; done
	@$(MAKE) --no-print-directory firmware-floor
	@$(MAKE) --no-print-directory fuzz

# ---- edge-rate floors: the real ELF in simavr (test/sim_edges.c) --------------------------
FW_SIM := $(FW_TEST_OUT)/sim_edges
$(FW_SIM): $(FW_DIR)/test/sim_edges.c $(FW_HOST_SRCS) $(FW_HDRS)
	@mkdir -p $(@D)
	gcc -std=gnu11 -O1 -Wall -Wextra -I$(FW_DIR)/src -o $@ $< $(FW_HOST_SRCS) -lsimavr -lutil

# the address of the INT0 stub's `in r22, TCNT0` (2 bytes into __vector_1), for the latency figure
fw_tcnt_pc = $$(printf '%x' $$((0x$$(avr-nm $(1) | awk '$$3=="__vector_1"{print $$1}') + 2)))

FW_SIM_STORM := $(FW_TEST_OUT)/sim_storm
$(FW_SIM_STORM): $(FW_DIR)/test/sim_storm.c $(FW_HOST_SRCS) $(FW_HDRS)
	@mkdir -p $(@D)
	gcc -std=gnu11 -O1 -Wall -Wextra -I$(FW_DIR)/src -o $@ $< $(FW_HOST_SRCS) -lsimavr -lutil

FW_SIM_BUTTON := $(FW_TEST_OUT)/sim_button
$(FW_SIM_BUTTON): $(FW_DIR)/test/sim_button.c
	@mkdir -p $(@D)
	gcc -std=gnu11 -O1 -Wall -Wextra -o $@ $< -lsimavr -lutil

.PHONY: firmware-floor firmware-rates
firmware-floor: $(FW_SIM) $(FW_SIM_BUTTON) $(FW_SIM_STORM)
	@$(MAKE) --no-print-directory firmware BOARD=uno EXAMPLE=button >/dev/null
	@$(FW_SIM_BUTTON) $(BUILD)/uno-button/wakewire.elf
	@$(MAKE) --no-print-directory firmware BOARD=uno BAUD=1000000 FW_OUT=$(BUILD)/sim-uno-1000000 >/dev/null
	@$(MAKE) --no-print-directory firmware BOARD=uno BAUD=115200 FW_OUT=$(BUILD)/sim-uno-115200 >/dev/null
	@$(MAKE) --no-print-directory firmware BOARD=mega2560 BAUD=1000000 FW_OUT=$(BUILD)/sim-mega2560-1000000 >/dev/null
	@e=$(BUILD)/sim-uno-1000000/wakewire.elf; $(FW_SIM) $$e atmega328p 1000000 20000 500 D 2 2 $(call fw_tcnt_pc,$$e)
	@$(FW_SIM) $(BUILD)/sim-uno-1000000/wakewire.elf atmega328p 1000000 20000 500 B 0 8
	@$(FW_SIM) $(BUILD)/sim-uno-1000000/wakewire.elf atmega328p 1000000 20000 500 C 0 14
	@# sustained: the 1-s watchdog must never fire while edges keep coming (it did, once the loop starved)
	@$(FW_SIM) $(BUILD)/sim-uno-1000000/wakewire.elf atmega328p 1000000 20000 2500 D 2 2
	@SIM_OVERLOAD=1 $(FW_SIM) $(BUILD)/sim-uno-1000000/wakewire.elf atmega328p 1000000 40000 2000 D 2 2
	@$(FW_SIM) $(BUILD)/sim-uno-115200/wakewire.elf atmega328p 115200 2500 500 D 2 2
	@# isolated edges on a sleeping board: the edge ISR sends each frame's first byte itself
	@# (edge_isr.S); 350 frames, so seq wraps and the predicted COBS code meets every length
	@SIM_FIRST_BYTE_US=20 $(FW_SIM) $(BUILD)/sim-uno-1000000/wakewire.elf atmega328p 1000000 499 700 D 2 2
	@SIM_FIRST_BYTE_US=20 $(FW_SIM) $(BUILD)/sim-uno-1000000/wakewire.elf atmega328p 1000000 499 700 B 0 8
	@SIM_DEBOUNCE=250 $(FW_SIM) $(BUILD)/sim-uno-1000000/wakewire.elf atmega328p 1000000 100 300 D 2 2
	@SIM_DEBOUNCE=2500 $(FW_SIM) $(BUILD)/sim-uno-1000000/wakewire.elf atmega328p 1000000 2000 300 B 0 8
	@$(FW_SIM) $(BUILD)/sim-mega2560-1000000/wakewire.elf atmega2560 1000000 20000 500 E 4 2
	@$(FW_SIM) $(BUILD)/sim-mega2560-1000000/wakewire.elf atmega2560 1000000 20000 500 B 4 10
	@# storms (sim_storm.c): 4x the zero-loss rate (100,000 edges/s at 1 Mbaud, 20,000 at 115,200,
	@# and 100,000 there too) on an INT and a PCINT pin: answers keep coming, every edge is received
	@# or counted, board time stays right; then isolated edges at random Timer0 phases, and resets
	@u=$(BUILD)/sim-uno-1000000/wakewire.elf; s=$(BUILD)/sim-uno-115200/wakewire.elf; \
	for a in "$$u 1000000 D 2 2 storm 100000 40 4" "$$u 1000000 B 0 8 storm 100000 40 4" \
	  "$$s 115200 D 2 2 storm 20000 40 3" "$$s 115200 B 0 8 storm 20000 40 3" \
	  "$$s 115200 D 2 2 storm 100000 40 3" "$$s 115200 B 0 8 storm 100000 40 3" \
	  "$$u 1000000 D 2 2 isolated 1000" "$$u 1000000 B 0 8 isolated 1000" "$$s 115200 D 2 2 isolated 1000" \
	  "$$u 1000000 D 2 2 resets 60" "$$s 115200 D 2 2 resets 30"; do \
	  set -- $$a; e=$$1; shift; $(FW_SIM_STORM) $$e atmega328p $$@ || exit 1; done

firmware-rates: $(FW_SIM)
	@$(MAKE) --no-print-directory firmware BOARD=uno BAUD=1000000 FW_OUT=$(BUILD)/sim-uno-1000000 >/dev/null
	@$(MAKE) --no-print-directory firmware BOARD=uno BAUD=115200 FW_OUT=$(BUILD)/sim-uno-115200 >/dev/null
	@$(MAKE) --no-print-directory firmware BOARD=mega2560 BAUD=1000000 FW_OUT=$(BUILD)/sim-mega2560-1000000 >/dev/null
	@u=$(BUILD)/sim-uno-1000000/wakewire.elf; m=$(BUILD)/sim-mega2560-1000000/wakewire.elf; \
	for r in 22000 24000; do $(FW_SIM) $$u atmega328p 1000000 $$r 300 D 2 2; $(FW_SIM) $$u atmega328p 1000000 $$r 300 B 0 8; done; \
	for r in 4000 5000; do $(FW_SIM) $(BUILD)/sim-uno-115200/wakewire.elf atmega328p 115200 $$r 300 D 2 2; done; \
	for r in 22000; do $(FW_SIM) $$m atmega2560 1000000 $$r 300 E 4 2; done; true

# The committed corpus is read, never written: new inputs go to a scratch directory.
fuzz: $(FW_TEST_OUT)/fuzz_frames
	@rm -rf $(FW_TEST_OUT)/corpus && mkdir -p $(FW_TEST_OUT)/corpus
	@echo "fuzz: frame reader + command parser for $(FUZZ_SECONDS) s (corpus avr-firmware/fuzz/corpus)"
	@cd $(FW_TEST_OUT) && ./fuzz_frames -max_total_time=$(FUZZ_SECONDS) -max_len=512 -print_final_stats=1 \
	  corpus $(FW_DIR)/fuzz/corpus 2>fuzz.log; rc=$$?; \
	  grep -E '^(stat::number_of_executed_units|stat::new_units_added)|ERROR|SUMMARY' fuzz.log; \
	  [ $$rc = 0 ] || { echo "fuzz: FAILED, see $(FW_TEST_OUT)/fuzz.log (crash input in $(FW_TEST_OUT))" >&2; exit 1; }
