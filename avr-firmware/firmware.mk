# Firmware rules (owned by avr-firmware/). Included by the top Makefile, which sets ROOT, BUILD, BOARD.
#
#   make firmware BOARD=uno [BAUD=115200] [MODULES="analog"] [EXAMPLE=button] [APP=path/to/app]
#                                build/<board>/wakewire.elf and .hex: the core plus MODULES
#                                (default: every module, so nothing is missing by default;
#                                MODULES= builds the core alone, in build/<board>-core/)
#   make size BOARD=uno          the table: the core, each module's own flash and RAM, all modules
#   make size-check              the budgets, for every AVR board in board-configs at its baud
#                                and at 115200: the core <= 4,096 B flash / 512 B static RAM on
#                                every board (Uno, Nano, Mega),
#                                all modules <= 8,192 B / 1,024 B, the EXAMPLE=button
#                                build its own ceiling (see below)
#   make firmware-test           the host-compiled cmocka tests, the edge-rate floors and the
#                                modules on simavr, then the fuzzer for FUZZ_SECONDS
#   make fuzz FUZZ_SECONDS=300   only the fuzzer
#   make firmware-floor          only the edge-rate floors (the real ELF in simavr, asserted)
#   make firmware-modules        each module on the real ELF in simavr, built with it and without
#   make firmware-rates          edge-rate figures for other pins and boards (printed, not asserted)
#   make firmware-apps           the example apps (examples/<name>/, APP=) in simavr, their cost printed
#   make bench-mcu-runtime       the app runtime's METRIC lines (onboard vs host reaction, costs, idle)
#   make bench-servo             METRIC servo_pulse_error_us_max: servo pulses under edge load (simavr)
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

# Modules: avr-firmware/modules/<name>/ holds a module's .c/.S files and its module.h, which
# names its hooks (capability bits, commands, tasks, inits, TX waiters; see
# modules/analog/module.h). The build compiles the chosen modules' files and writes
# $(FW_OUT)/modules.h, which joins their hooks into the lists the core expands at one place
# each; a module left out costs the core nothing. The default is every module, so the builds
# the project uses (demo, tests, wakewire flash, benchmarks) have every feature.
FW_MODULES_ALL := $(sort $(patsubst $(FW_DIR)/modules/%/module.h,%,$(wildcard $(FW_DIR)/modules/*/module.h)))
FW_MODULES_DEFAULT := $(FW_MODULES_ALL)
MODULES ?= $(FW_MODULES_DEFAULT)
FW_MODULES := $(sort $(MODULES))
# The build directory of a module set: build/<board>/ for the default set, build/<board>-core/
# for none, else build/<board>-with-a-b/ (after -<example> if there is one).
fw_mod_tag = $(if $(filter-out $(FW_MODULES_DEFAULT),$(1))$(filter-out $(1),$(FW_MODULES_DEFAULT)),$(if $(1),-with-$(subst $(eval) ,-,$(sort $(1))),-core))
fw_out = $(BUILD)/$(BOARD)$(if $(EXAMPLE),-$(EXAMPLE))$(if $(APP),-app-$(notdir $(abspath $(APP))))$(call fw_mod_tag,$(1))
FW_OUT := $(call fw_out,$(FW_MODULES))
FW_MOD_SRCS := $(foreach m,$(FW_MODULES),$(wildcard $(FW_DIR)/modules/$(m)/*.c $(FW_DIR)/modules/$(m)/*.S))

# A user's app (APP=path/to/app: its app.h lists its tasks, APP_TASKS(X); its .c files hold
# them): the runtime in avr-firmware/app/ (ww.h, the API) joins the modules as "app", and the
# folder's .c files are compiled with it. The core does not change for it (module hooks).
FW_APP := $(if $(APP),$(abspath $(APP)))
FW_HOOKS := $(FW_MODULES) $(if $(APP),app)
FW_APP_SRCS := $(if $(APP),$(wildcard $(FW_DIR)/app/*.c $(FW_DIR)/app/*.S) $(wildcard $(FW_APP)/*.c))

# Start-up: each MCU has its own in place of avr-libc's crt (the vector table cut after the
# core's last vector, start-up code in unused vector slots, the reset cause taken there):
# start_328p.S, start_2560.S, each with a .ld that refuses .data and checks a module's vector.
FW_START_328p := start_328p.S
FW_START_2560 := start_2560.S
FW_LDFLAGS_328p := -nostartfiles $(FW_DIR)/hw/start_328p.ld
FW_LDFLAGS_2560 := -nostartfiles $(FW_DIR)/hw/start_2560.ld
FW_PURE := crc.c frame_writer.c frame_reader.c events.c command.c answers.c
FW_HW := main.c executor.c timer.c timer_isr.S uart.c uart_isr.S edges.c edge_isr.S asm_layout.c gpio.c \
         dispatch.c events_task.c pins_$(FW_PINS).c $(FW_START_$(FW_PINS))
FW_EXAMPLE_button := task_button.c
FW_EXAMPLE_FLAGS_button := -DEXAMPLE_TASK=task_button -DEXAMPLE_INIT=button_init
# The modules come after the start-up file: a module's .vectors tail follows the core's table.
FW_SRCS := $(addprefix $(FW_DIR)/src/,$(FW_PURE)) $(addprefix $(FW_DIR)/hw/,$(FW_HW) $(FW_EXAMPLE_$(EXAMPLE))) $(FW_MOD_SRCS) $(FW_APP_SRCS)
FW_HDRS := $(wildcard $(FW_DIR)/src/*.h $(FW_DIR)/hw/*.h $(FW_DIR)/hw/*.inc $(FW_DIR)/hw/*.ld $(FW_DIR)/modules/*/*.h $(FW_DIR)/app/*.h $(if $(APP),$(FW_APP)/*.h))

FW_CC := avr-gcc
FW_CFLAGS := -mmcu=$(FW_MCU) -DF_CPU=$(FW_F_CPU)UL -DBAUD=$(BAUD)UL -DPINS_MCU_H='"pins_$(FW_PINS).h"' \
             $(FW_EXAMPLE_FLAGS_$(EXAMPLE)) -I$(FW_DIR)/src -I$(FW_DIR)/hw -I$(FW_DIR)/modules -I$(FW_OUT) \
             $(if $(APP),-I$(FW_DIR) -I$(FW_DIR)/app -I$(FW_APP)) \
             -std=gnu11 -Os -flto -mrelax -mcall-prologues -mstrict-X -maccumulate-args -fno-tree-pre -fno-tree-scev-cprop -fno-split-wide-types -fno-tree-loop-optimize -fno-move-loop-invariants -fno-jump-tables -fno-tree-switch-conversion -ffunction-sections -fdata-sections -fshort-enums \
             -Wall -Wextra -Werror=cpp -Wl,--gc-sections $(FW_EXTRA)

.PHONY: firmware size size-check firmware-test fuzz fw-check-board

# The builds the Java end-to-end tests run besides the default one: the Uno's core alone, and the
# example apps (AppMessagesTest: build/uno-app-<name>/).
.PHONY: firmware-variants
firmware-variants:
	@$(MAKE) --no-print-directory firmware BOARD=uno MODULES=
	@for a in reaction race loop; do $(MAKE) --no-print-directory firmware BOARD=uno APP=$(FW_DIR)/examples/$$a || exit 1; done

fw-check-board:
	@[ -f "$(FW_CONF)" ] || { echo "firmware: no board file $(FW_CONF) (BOARD=$(BOARD)); boards: $$(ls $(ROOT)/board-configs/*.conf | xargs -n1 basename | sed 's/.conf$$//' | tr '\n' ' ')" >&2; exit 1; }
	@[ "$$(sed -n 's/^kind *= *//p' $(FW_CONF))" = avr ] || { echo "firmware: $(FW_CONF): kind is not avr" >&2; exit 1; }
	@[ -n "$(FW_MCU)" ] && [ -n "$(FW_F_CPU)" ] && [ -n "$(BAUD)" ] || { echo "firmware: $(FW_CONF) needs mcu, f_cpu and baud" >&2; exit 1; }
	@case "$(FW_MCU)" in atmega328p|atmega2560) ;; *) echo "firmware: $(FW_CONF): mcu $(FW_MCU) is not supported (atmega328p, atmega2560)" >&2; exit 1;; esac
	@[ -z "$(EXAMPLE)" ] || [ -n "$(FW_EXAMPLE_$(EXAMPLE))" ] || { echo "firmware: EXAMPLE=$(EXAMPLE) is unknown (try EXAMPLE=button)" >&2; exit 1; }
	@[ -z "$(APP)" ] || [ -z "$(EXAMPLE)" ] || { echo "firmware: APP= and EXAMPLE= both use TASK_USER0: choose one" >&2; exit 1; }
	@[ -z "$(APP)" ] || [ -f "$(FW_APP)/app.h" ] || { echo "firmware: APP=$(APP): no app.h there (it lists the tasks: #define APP_TASKS(X) X(name) ...; see avr-firmware/README.md, Write your own task)" >&2; exit 1; }
	@[ -z "$(APP)" ] || ls $(FW_APP)/*.c >/dev/null 2>&1 || { echo "firmware: APP=$(APP): no .c file there" >&2; exit 1; }
	@for m in $(MODULES); do case " $(FW_MODULES_ALL) " in *" $$m "*) ;; *) echo "firmware: MODULES: no module '$$m' (modules: $(FW_MODULES_ALL); MODULES= for the core alone)" >&2; exit 1;; esac; done
	@command -v $(FW_CC) >/dev/null || { echo "firmware: avr-gcc not found; run make deps" >&2; exit 1; }

# The flags file changes when BOARD/BAUD/EXAMPLE do, so the ELF is rebuilt exactly then.
$(FW_OUT)/flags: FORCE
	@mkdir -p $(@D)
	@echo '$(FW_CFLAGS)' | cmp -s - $@ || echo '$(FW_CFLAGS)' > $@
.PHONY: FORCE
FORCE:

# modules.h: the chosen modules' hooks joined into the lists the core expands (see above);
# rewritten only when it changes, like the flags file.
$(FW_OUT)/modules.h: FORCE
	@mkdir -p $(@D)
	@{ echo '/* Generated by avr-firmware/firmware.mk for MODULES="$(FW_MODULES)": the modules built in. */'; \
	  echo '#ifndef WW_MODULES_H'; echo '#define WW_MODULES_H'; \
	  $(foreach m,$(FW_HOOKS),echo '#include "$(m)/module.h"';) \
	  echo '#define MODULE_CAPS (0$(foreach m,$(FW_HOOKS), | MODULE_$(m)_CAPS))'; \
	  echo '#define MODULE_TX_WAITERS (0$(foreach m,$(FW_HOOKS), | MODULE_$(m)_TX_WAITERS))'; \
	  echo '#define MODULE_COMMANDS(X)$(foreach m,$(FW_HOOKS), MODULE_$(m)_COMMANDS(X))'; \
	  echo '#define MODULE_PIN_COMMANDS(X)$(foreach m,$(FW_HOOKS), MODULE_$(m)_PIN_COMMANDS(X))'; \
	  echo '#define MODULE_TASKS(X)$(foreach m,$(FW_HOOKS), MODULE_$(m)_TASKS(X))'; \
	  echo '#define MODULE_INITS(X)$(foreach m,$(FW_HOOKS), MODULE_$(m)_INITS(X))'; \
	  echo '#define MODULE_PIN_WRITES(X)$(foreach m,$(FW_HOOKS), MODULE_$(m)_PIN_WRITES(X))'; \
	  echo '#endif'; } > $@.new
	@cmp -s $@.new $@ && rm $@.new || mv $@.new $@

$(FW_OUT)/wakewire.elf: $(FW_SRCS) $(FW_HDRS) $(FW_CONF) $(FW_OUT)/flags $(FW_OUT)/modules.h
	$(FW_CC) $(FW_CFLAGS) -o $@ $(FW_SRCS) $(FW_LDFLAGS_$(FW_PINS)) -Wl,-Map,$(FW_OUT)/wakewire.map

$(FW_OUT)/wakewire.hex: $(FW_OUT)/wakewire.elf
	avr-objcopy -O ihex -R .eeprom $< $@

firmware: fw-check-board
	@$(MAKE) --no-print-directory $(FW_OUT)/wakewire.hex
	@echo "firmware: $(FW_OUT)/wakewire.elf ($(FW_MCU), $(FW_F_CPU) Hz, $(BAUD) baud, modules: $(or $(FW_MODULES),none)$(if $(APP), + app $(APP)))"

# The table: the core, each module on the core (its own cost is the difference), every module.
# A module that needs another (FW_NEEDS_<name>: stream needs analog, whose ADC and vector it
# shares) is built with it, and its cost is the difference to the core with what it needs.
FW_NEEDS_stream := analog
fw_with_needs = $(sort $(FW_NEEDS_$(1)) $(1))
FW_SIZE := sh $(FW_DIR)/size.sh
size: fw-check-board
	@$(MAKE) --no-print-directory firmware MODULES= >/dev/null
	@$(foreach m,$(FW_MODULES_ALL),$(MAKE) --no-print-directory firmware MODULES="$(call fw_with_needs,$(m))" >/dev/null &&) true
	@$(MAKE) --no-print-directory firmware MODULES="$(FW_MODULES_ALL)" >/dev/null
	@$(FW_SIZE) table "$(BOARD)$(if $(EXAMPLE), EXAMPLE=$(EXAMPLE)) ($(FW_MCU), $(BAUD) baud)" $(call fw_out,)/wakewire.elf \
	  $(foreach m,$(FW_MODULES_ALL),$(m)=$(call fw_out,$(call fw_with_needs,$(m)))/wakewire.elf$(if $(FW_NEEDS_$(m)),@$(FW_NEEDS_$(m))=$(call fw_out,$(FW_NEEDS_$(m)))/wakewire.elf)) \
	  $(call fw_out,$(FW_MODULES_ALL))/wakewire.elf
	@echo "  (make size-check: the core <= 4,096 B / 512 B and every module <= 8,192 B / 1,024 B, every board and baud)"

# The budgets, checked for every AVR board in board-configs, at its own baud and at 115200 (the
# builds the READMEs offer), in build/size-check/<board>-<baud>/ so that they never replace the
# ELFs the tests run:
# - the core (MODULES=): 4,096 B flash, 512 B static RAM, on every board (Uno, Nano, Mega).
# - every module: 8,192 B / 1,024 B.
# - the EXAMPLE=button build (analog and pwm, FW_EXAMPLE_MODULES, and the example user task, ~280 B, opt-in code in
#   the place of a user's own): a flash ceiling of its own and 512 B of RAM (a task needs its
#   stack), on the Uno at its baud.
FW_AVR_BOARDS := $(sort $(basename $(notdir $(shell grep -l '^[[:space:]]*kind[[:space:]]*=[[:space:]]*avr' $(ROOT)/board-configs/*.conf))))
FW_CHECK_BAUDS := conf 115200
FW_LIMITS := 4096 512 8192 1024
# Every module on the Mega: its own ceiling above the Uno's 8,192 B (the issue's budget is the Uno's):
# its tables for 70 pins, 15 PWM pins on five timers and a 57-slot vector table cost ~530 B more.
export FW_ALL_FLASH_mega2560 := 8704
FW_EXAMPLE_FLASH_LIMIT := 4544
# the example's build: the modules of its ceiling (stream, servo and i2c are opt-in: a project with a
# user task and those is held to the all-modules budget)
FW_EXAMPLE_MODULES := analog pwm
FW_RAM_LIMIT := 512
size-check:
	@set -e; set -- $(FW_LIMITS); for b in $(FW_AVR_BOARDS); do \
	  for baud in $(FW_CHECK_BAUDS); do \
	    [ $$baud != conf ] || baud=$$(sed -n 's/^[[:space:]]*baud[[:space:]]*=[[:space:]]*\([0-9]*\).*/\1/p' $(ROOT)/board-configs/$$b.conf); \
	    out=$(BUILD)/size-check/$$b-$$baud; \
	    $(MAKE) --no-print-directory firmware BOARD=$$b BAUD=$$baud MODULES= FW_OUT=$$out-core >/dev/null; \
	    $(MAKE) --no-print-directory firmware BOARD=$$b BAUD=$$baud MODULES="$(FW_MODULES_ALL)" FW_OUT=$$out-all >/dev/null; \
	    $(FW_SIZE) check "$$b $$baud baud, core" $$out-core/wakewire.elf $$1 $$2; \
	    $(FW_SIZE) check "$$b $$baud baud, all modules ($(FW_MODULES_ALL))" $$out-all/wakewire.elf $$(eval echo \$${FW_ALL_FLASH_$$b:-$$3}) $$4; \
	  done; \
	done
	@$(MAKE) --no-print-directory firmware BOARD=uno MODULES="$(FW_EXAMPLE_MODULES)" EXAMPLE=button FW_OUT=$(BUILD)/size-check/uno-button >/dev/null
	@$(FW_SIZE) check "uno EXAMPLE=button, modules $(FW_EXAMPLE_MODULES)" $(BUILD)/size-check/uno-button/wakewire.elf $(FW_EXAMPLE_FLASH_LIMIT) $(FW_RAM_LIMIT) "the example task's ceiling"

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

firmware-test: $(addprefix $(FW_TEST_OUT)/,$(FW_TESTS)) $(FW_TEST_OUT)/test_ww
	@for t in $(FW_TESTS) test_ww; do $(FW_TEST_OUT)/$$t || exit 1; done
	@$(MAKE) --no-print-directory firmware-apps
	@$(MAKE) --no-print-directory firmware-floor
	@$(MAKE) --no-print-directory firmware-modules
	@$(MAKE) --no-print-directory fuzz

# The app runtime's pure part (app/ww_core.c) with stubs for the clock, tick and wake; its own
# app.h (sizes) in app/test/. -Wno-dangling-pointer: host gcc takes pt.h's label addresses,
# stored in the task's state, for pointers to locals.
$(FW_TEST_OUT)/test_ww: $(FW_DIR)/app/test/test_ww.c $(FW_DIR)/app/ww_core.c $(wildcard $(FW_DIR)/app/*.h $(FW_DIR)/app/test/*.h) $(FW_HDRS)
	@mkdir -p $(@D)
	gcc $(FW_HOST_CFLAGS) -Wno-dangling-pointer -I$(FW_DIR)/app -I$(FW_DIR)/app/test -o $@ $< $(FW_DIR)/app/ww_core.c -lcmocka

# ---- the example apps (examples/<name>/) on the real ELF in simavr ---------------------------
# Each built with APP= and the modules the examples use (FW_APP_MODULES: stream, servo and i2c are
# opt-in, and with them an app outgrows the all-modules budget of 8,192 B that these builds are held
# to), run by examples/test/sim_app.c (its scenarios: see there), its cost over the same build without
# the app printed.
FW_APPS := reaction race loop burst
FW_APP_MODULES := analog pwm
FW_APP_BASE := $(BUILD)/uno-app-base
FW_SIM_APP := $(FW_TEST_OUT)/sim_app
$(FW_SIM_APP): $(FW_DIR)/examples/test/sim_app.c $(FW_SIM_HARNESS) $(FW_HOST_SRCS) $(FW_HDRS)
	@mkdir -p $(@D)
	$(FW_SIM_CC)

.PHONY: firmware-apps
firmware-apps: $(FW_SIM_APP)
	@$(MAKE) --no-print-directory firmware BOARD=uno MODULES="$(FW_APP_MODULES)" FW_OUT=$(FW_APP_BASE) >/dev/null
	@for a in $(FW_APPS); do \
	  $(MAKE) --no-print-directory firmware BOARD=uno MODULES="$(FW_APP_MODULES)" APP=$(FW_DIR)/examples/$$a FW_OUT=$(BUILD)/uno-app-$$a >/dev/null || exit 1; \
	  $(FW_SIZE) app "uno APP=examples/$$a, modules $(FW_APP_MODULES)" $(FW_APP_BASE)/wakewire.elf $(BUILD)/uno-app-$$a/wakewire.elf 8192 1024 || exit 1; \
	  $(FW_SIM_APP) $(BUILD)/uno-app-$$a/wakewire.elf $$a || exit 1; \
	done

# ---- make bench-mcu-runtime: the app runtime's figures ---------------------------------------
# onboard_reaction_us: examples/loop in simavr (D2 rising -> D13 by a user task, simulated cycles);
# host_reaction_us: the same loop closed by a Java task over the virtual board's serial link
# (HostReactionBench, board ticks between the two pins' edges); flash and RAM per user task and
# per awaited source (generated apps, bench_apps.sh: the marginal cost of the 2nd and 3rd);
# idle_sleep_share_pct with three tasks waiting (an edge, a message, a signal; then with the third
# on a 60-s sleep, when the 1.024 ms tick runs).
FW_BENCH_APPS := $(BUILD)/bench-mcu
fw_bench_size = $$(avr-size -A $(FW_BENCH_APPS)/$(1)/wakewire.elf | awk '$$1==".text"||$$1==".data"{f+=$$2} $$1==".data"||$$1==".bss"{r+=$$2} END{print f, r}')
.PHONY: bench-mcu-runtime
bench-mcu-runtime: $(FW_SIM_APP) jdk vboard
	@sh $(FW_DIR)/bench_apps.sh $(FW_BENCH_APPS)/apps
	@for a in idle3 idle3t $(foreach k,tasks edges timers msgs signals,$(k)1 $(k)3); do \
	  $(MAKE) --no-print-directory firmware BOARD=uno MODULES="$(FW_APP_MODULES)" APP=$(FW_BENCH_APPS)/apps/$$a FW_OUT=$(FW_BENCH_APPS)/$$a >/dev/null || exit 1; done
	@$(MAKE) --no-print-directory firmware BOARD=uno MODULES="$(FW_APP_MODULES)" FW_OUT=$(FW_APP_BASE) >/dev/null
	@$(MAKE) --no-print-directory firmware BOARD=uno MODULES="$(FW_APP_MODULES)" APP=$(FW_DIR)/examples/loop FW_OUT=$(BUILD)/uno-app-loop >/dev/null
	@echo "# bench-mcu-runtime: uno (atmega328p, 16 MHz), simavr cycles; the app's cost over the same build without it (modules $(FW_APP_MODULES))"
	@$(FW_SIM_APP) $(BUILD)/uno-app-loop/wakewire.elf loop bench | grep -v '^sim_app loop: width'
	@set -e; for k in tasks edges timers msgs signals; do \
	  set -- $(call fw_bench_size,$${k}1) $(call fw_bench_size,$${k}3); \
	  echo "METRIC $${k}_flash_per_extra_B $$(( ($$3 - $$1) / 2 )) B"; echo "METRIC $${k}_ram_per_extra_B $$(( ($$4 - $$2) / 2 )) B"; done
	@set -e; set -- $(call fw_bench_size,tasks1); b=$$(avr-size -A $(FW_APP_BASE)/wakewire.elf | awk '$$1==".text"||$$1==".data"{f+=$$2} $$1==".data"||$$1==".bss"{r+=$$2} END{print f, r}'); \
	  echo "METRIC app_runtime_with_one_task_flash_B $$(( $$1 - $${b%% *} )) B"; echo "METRIC app_runtime_with_one_task_ram_B $$(( $$2 - $${b##* } )) B"
	@$(FW_SIM_APP) $(FW_BENCH_APPS)/idle3/wakewire.elf idle | sed -n 's/^METRIC idle_sleep_share_pct/METRIC idle_sleep_share_pct_3_tasks_waiting/p'
	@$(FW_SIM_APP) $(FW_BENCH_APPS)/idle3t/wakewire.elf idle | sed -n 's/^METRIC idle_sleep_share_pct/METRIC idle_sleep_share_pct_3_tasks_one_on_time/p'
	@$(MAKE) --no-print-directory firmware BOARD=uno >/dev/null
	@$(MVN) -q -Dmaven.test.skip=true -pl tests -am install
	@$(MVN) -q -pl tests dependency:build-classpath -Dmdep.outputFile=$(BUILD)/bench-mcu.classpath >/dev/null
	@# this tree's runtime classes first: ~/.m2's SNAPSHOT is shared with other checkouts
	@cd $(ROOT) && timeout 600 $(JAVA) --add-exports java.base/jdk.internal.vm=ALL-UNNAMED \
	  -cp $(ROOT)/tests/target/classes:$(ROOT)/java-runtime/target/classes:$$(cat $(BUILD)/bench-mcu.classpath) \
	  io.wakewire.bench.mcu.HostReactionBench $(BUILD)/uno/wakewire.elf 200

# ---- edge-rate floors: the real ELF in simavr (test/sim_edges.c) --------------------------
# every sim_*.c links the shared simavr harness (test/sim_harness.c: ELF, UART bridge, pins)
FW_SIM_HARNESS := $(FW_DIR)/test/sim_harness.c $(FW_DIR)/test/sim_harness.h $(ROOT)/native/vboard/src/adc_trigger.c
FW_SIM_CC = gcc -std=gnu11 -O1 -Wall -Wextra -I$(FW_DIR)/src -I$(FW_DIR)/test -I$(ROOT)/native/vboard/src -o $@ $< $(FW_DIR)/test/sim_harness.c $(ROOT)/native/vboard/src/adc_trigger.c $(FW_HOST_SRCS) -lsimavr -lutil
FW_SIM := $(FW_TEST_OUT)/sim_edges
$(FW_SIM): $(FW_DIR)/test/sim_edges.c $(FW_SIM_HARNESS) $(FW_HOST_SRCS) $(FW_HDRS)
	@mkdir -p $(@D)
	$(FW_SIM_CC)

# the address of the INT0 stub's `in r22, TCNT0` (2 bytes into __vector_1), for the latency figure
fw_tcnt_pc = $$(printf '%x' $$((0x$$(avr-nm $(1) | awk '$$3=="__vector_1"{print $$1}') + 2)))

FW_SIM_STORM := $(FW_TEST_OUT)/sim_storm
$(FW_SIM_STORM): $(FW_DIR)/test/sim_storm.c $(FW_SIM_HARNESS) $(FW_HOST_SRCS) $(FW_HDRS)
	@mkdir -p $(@D)
	$(FW_SIM_CC)

FW_SIM_EICR := $(FW_TEST_OUT)/sim_eicr
$(FW_SIM_EICR): $(FW_DIR)/test/sim_eicr.c $(FW_SIM_HARNESS) $(FW_HOST_SRCS) $(FW_HDRS)
	@mkdir -p $(@D)
	$(FW_SIM_CC)

FW_SIM_READ_PIN := $(FW_TEST_OUT)/sim_read_pin
$(FW_SIM_READ_PIN): $(FW_DIR)/test/sim_read_pin.c $(FW_SIM_HARNESS) $(FW_HOST_SRCS) $(FW_HDRS)
	@mkdir -p $(@D)
	$(FW_SIM_CC)

FW_SIM_BUTTON := $(FW_TEST_OUT)/sim_button
$(FW_SIM_BUTTON): $(FW_DIR)/test/sim_button.c $(FW_SIM_HARNESS) $(FW_HOST_SRCS) $(FW_HDRS)
	@mkdir -p $(@D)
	$(FW_SIM_CC)

.PHONY: firmware-floor firmware-rates
firmware-floor: $(FW_SIM) $(FW_SIM_BUTTON) $(FW_SIM_STORM) $(FW_SIM_EICR) $(FW_SIM_READ_PIN)
	@$(MAKE) --no-print-directory firmware BOARD=uno EXAMPLE=button >/dev/null
	@$(FW_SIM_BUTTON) $(BUILD)/uno-button/wakewire.elf
	@$(MAKE) --no-print-directory firmware BOARD=uno BAUD=1000000 FW_OUT=$(BUILD)/sim-uno-1000000 >/dev/null
	@$(MAKE) --no-print-directory firmware BOARD=uno BAUD=115200 FW_OUT=$(BUILD)/sim-uno-115200 >/dev/null
	@$(MAKE) --no-print-directory firmware BOARD=mega2560 BAUD=1000000 FW_OUT=$(BUILD)/sim-mega2560-1000000 >/dev/null
	@$(MAKE) --no-print-directory firmware BOARD=mega2560 BAUD=115200 FW_OUT=$(BUILD)/sim-mega2560-115200 >/dev/null
	@# READ_PIN (sim_read_pin.c): the level and tick of a read, a refused pin, both MCUs
	@$(FW_SIM_READ_PIN) $(BUILD)/sim-uno-1000000/wakewire.elf atmega328p
	@$(FW_SIM_READ_PIN) $(BUILD)/sim-mega2560-1000000/wakewire.elf atmega2560
	@# two INTs armed one after the other with their pins held low (sim_eicr.c): the sense bits of
	@# every armed INT in EICRA/EICRB, no record while the pins are quiet, then every edge exactly
	@$(FW_SIM_EICR) $(BUILD)/sim-uno-1000000/wakewire.elf atmega328p 1000000
	@$(FW_SIM_EICR) $(BUILD)/sim-mega2560-1000000/wakewire.elf atmega2560 1000000
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
	@# the Mega's own start-up and its 24 edge-state slots: INT0 (D21, slot 10), INT4 (D2), PCINT0
	@# (D10, D53), debounced, at both bauds; reset causes in the boot HELLOs (start_2560.S)
	@m=$(BUILD)/sim-mega2560-1000000/wakewire.elf; n=$(BUILD)/sim-mega2560-115200/wakewire.elf; \
	$(FW_SIM) $$m atmega2560 1000000 20000 300 D 0 21 && $(FW_SIM) $$m atmega2560 1000000 20000 300 B 0 53 && \
	SIM_DEBOUNCE=2500 $(FW_SIM) $$m atmega2560 1000000 2000 300 E 4 2 && SIM_DEBOUNCE=2500 $(FW_SIM) $$m atmega2560 1000000 2000 300 B 4 10 && \
	$(FW_SIM) $$n atmega2560 115200 2500 500 E 4 2 && $(FW_SIM) $$n atmega2560 115200 2500 500 B 4 10
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
	@# the Mega (start_2560.S: reset cause, the 0x00 before the boot HELLO; the INT stubs and
	@# PCINT0's slots): resets, a storm on INT4, PCINT0 at its zero-loss rate, isolated edges
	@m=$(BUILD)/sim-mega2560-1000000/wakewire.elf; n=$(BUILD)/sim-mega2560-115200/wakewire.elf; \
	for a in "$$m 1000000 E 4 2 resets 30" "$$n 115200 E 4 2 resets 30" "$$m 1000000 E 4 2 storm 100000 40 4" \
	  "$$m 1000000 B 4 10 storm 20000 40 4" "$$m 1000000 D 0 21 isolated 500" "$$m 1000000 B 4 10 isolated 500"; do \
	  set -- $$a; e=$$1; shift; $(FW_SIM_STORM) $$e atmega2560 $$@ || exit 1; done

# ---- the modules on the real ELF in simavr: each with and without its module ----------------
# (modules/<name>/test/sim_<name>.c; the core-alone build must refuse the module's commands)
FW_SIM_ANALOG := $(FW_TEST_OUT)/sim_analog
$(FW_SIM_ANALOG): $(FW_DIR)/modules/analog/test/sim_analog.c $(FW_SIM_HARNESS) $(FW_HOST_SRCS) $(FW_HDRS)
	@mkdir -p $(@D)
	$(FW_SIM_CC)

FW_SIM_STREAM := $(FW_TEST_OUT)/sim_stream
$(FW_SIM_STREAM): $(FW_DIR)/modules/stream/test/sim_stream.c $(FW_SIM_HARNESS) $(FW_HOST_SRCS) $(FW_HDRS)
	@mkdir -p $(@D)
	$(FW_SIM_CC)

FW_SIM_PWM := $(FW_TEST_OUT)/sim_pwm
$(FW_SIM_PWM): $(FW_DIR)/modules/pwm/test/sim_pwm.c $(FW_SIM_HARNESS) $(FW_HOST_SRCS) $(FW_HDRS)
	@mkdir -p $(@D)
	$(FW_SIM_CC)

FW_SIM_SERVO := $(FW_TEST_OUT)/sim_servo
$(FW_SIM_SERVO): $(FW_DIR)/modules/servo/test/sim_servo.c $(FW_SIM_HARNESS) $(FW_HOST_SRCS) $(FW_HDRS)
	@mkdir -p $(@D)
	$(FW_SIM_CC)

# the i2c test runs the virtual board's device models (native/vboard/src/i2c_devices.c)
FW_I2C_DEVS := $(ROOT)/native/vboard/src/i2c_devices.c $(ROOT)/native/vboard/src/i2c_devices.h
FW_SIM_I2C := $(FW_TEST_OUT)/sim_i2c
$(FW_SIM_I2C): $(FW_DIR)/modules/i2c/test/sim_i2c.c $(FW_SIM_HARNESS) $(FW_HOST_SRCS) $(FW_HDRS) $(FW_I2C_DEVS)
	@mkdir -p $(@D)
	$(FW_SIM_CC) -I$(ROOT)/native/vboard/src $(ROOT)/native/vboard/src/i2c_devices.c

# each module alone on the core, and the core alone (which must refuse every module's commands);
# then analog and i2c together, whose vector-table tails meet (i2c_vector.S)
.PHONY: firmware-modules
firmware-modules: $(FW_SIM_ANALOG) $(FW_SIM_PWM) $(FW_SIM_STREAM) $(FW_SIM_SERVO) $(FW_SIM_I2C)
	@for b in uno:atmega328p mega2560:atmega2560; do \
	  $(MAKE) --no-print-directory firmware BOARD=$${b%%:*} MODULES= FW_OUT=$(BUILD)/sim-$${b%%:*}-core >/dev/null || exit 1; \
	  for m in analog i2c pwm servo; do \
	    $(MAKE) --no-print-directory firmware BOARD=$${b%%:*} MODULES=$$m FW_OUT=$(BUILD)/sim-$${b%%:*}-$$m >/dev/null || exit 1; \
	    $(FW_TEST_OUT)/sim_$$m $(BUILD)/sim-$${b%%:*}-$$m/wakewire.elf $${b#*:} with || exit 1; \
	    $(FW_TEST_OUT)/sim_$$m $(BUILD)/sim-$${b%%:*}-core/wakewire.elf $${b#*:} without || exit 1; \
	  done; \
	  $(FW_SIM_PWM) $(BUILD)/sim-$${b%%:*}-analog/wakewire.elf $${b#*:} without || exit 1; \
	  $(MAKE) --no-print-directory firmware BOARD=$${b%%:*} MODULES="analog stream" FW_OUT=$(BUILD)/sim-$${b%%:*}-stream >/dev/null || exit 1; \
	  $(FW_SIM_STREAM) $(BUILD)/sim-$${b%%:*}-stream/wakewire.elf $${b#*:} with || exit 1; \
	  $(FW_SIM_STREAM) $(BUILD)/sim-$${b%%:*}-analog/wakewire.elf $${b#*:} without || exit 1; \
	  $(MAKE) --no-print-directory firmware BOARD=$${b%%:*} FW_OUT=$(BUILD)/sim-$${b%%:*}-all >/dev/null || exit 1; \
	  $(FW_SIM_ANALOG) $(BUILD)/sim-$${b%%:*}-all/wakewire.elf $${b#*:} with || exit 1; \
	  $(FW_SIM_I2C) $(BUILD)/sim-$${b%%:*}-all/wakewire.elf $${b#*:} with || exit 1; \
	done
	@# stream needs analog (module.h says so at build time); overloaded at 115,200 baud, every
	@# sample is received or counted in a LOST marker
	@$(MAKE) --no-print-directory firmware BOARD=uno BAUD=115200 MODULES="analog stream" FW_OUT=$(BUILD)/sim-uno-stream-115200 >/dev/null
	@$(FW_SIM_STREAM) $(BUILD)/sim-uno-stream-115200/wakewire.elf atmega328p with loss

# ---- make bench-stream: board-timed sampling, METRIC lines (modules/stream/test/bench_stream.c) ----
FW_BENCH_STREAM := $(FW_TEST_OUT)/bench_stream
$(FW_BENCH_STREAM): $(FW_DIR)/modules/stream/test/bench_stream.c $(FW_SIM_HARNESS) $(FW_HOST_SRCS) $(FW_HDRS)
	@mkdir -p $(@D)
	$(FW_SIM_CC) -lm

.PHONY: bench-stream
bench-stream: $(FW_BENCH_STREAM)
	@$(MAKE) --no-print-directory firmware BOARD=uno >/dev/null
	@echo "bench-stream: uno, 1,000,000 baud, simavr (each timer's prescaler runs from its own start there, so a"
	@echo "  sample's stamp is the trigger's tick within one tick; the hardware shares one prescaler)"
	@$(FW_BENCH_STREAM) $(BUILD)/uno/wakewire.elf atmega328p interval
	@$(FW_BENCH_STREAM) $(BUILD)/uno/wakewire.elf atmega328p max
	@# the same run's comparison: StandardFirmata (built offline, native/firmata/build_firmata.sh)
	@# reporting A0 every 1 ms with D2 at 500 edges/s, and wakewire under the same load
	@sh $(ROOT)/native/firmata/build_firmata.sh $(BUILD)/firmata 2>/dev/null | grep build_firmata || true
	@$(FW_BENCH_STREAM) $(BUILD)/firmata/StandardFirmata.elf atmega328p firmata 500
	@$(FW_BENCH_STREAM) $(BUILD)/uno/wakewire.elf atmega328p interval 500

# The servo pulse error under load (modules/servo/test/sim_servo.c on the default build of every
# module: three servos, D2 toggling at 20,000 edges/s, every pulse measured from pin changes in
# simulated cycles): METRIC servo_pulse_error_us_max, Uno and Mega.
.PHONY: bench-servo
bench-servo: $(FW_SIM_SERVO)
	@$(MAKE) --no-print-directory firmware BOARD=uno >/dev/null
	@$(MAKE) --no-print-directory firmware BOARD=mega2560 >/dev/null
	@$(FW_SIM_SERVO) $(BUILD)/uno/wakewire.elf atmega328p with | sed 's/^METRIC servo_pulse_error_us_max/METRIC servo_pulse_error_us_max/'
	@$(FW_SIM_SERVO) $(BUILD)/mega2560/wakewire.elf atmega2560 with | sed 's/^METRIC servo_pulse_error_us_max/METRIC servo_pulse_error_us_max_mega/'

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
