# The wakewire command (owned by the CLI work): jar, demo, flash.
#
#   make jar                              build/wakewire.jar (executable) and build/wakewire (launcher)
#   make demo [BOARD=uno] [PORT=...]      build what is missing, then run the demo: on a virtual
#                                         board, or on the real board at PORT
#   make flash BOARD=uno PORT=/dev/ttyACM0   build the firmware and flash it with avrdude
#
# The jar is rebuilt when a source of java-runtime, a board config or a pom changes.

.PHONY: jar flash cli-run

CLI_JAR := $(BUILD)/wakewire.jar
CLI_LAUNCHER := $(BUILD)/wakewire
CLI_SOURCES := $(shell find $(ROOT)/java-runtime/src/main $(ROOT)/board-configs -type f 2>/dev/null) \
               $(ROOT)/pom.xml $(ROOT)/java-runtime/pom.xml

jar: $(CLI_JAR) $(CLI_LAUNCHER)

$(CLI_JAR): $(CLI_SOURCES) | jdk
	@mkdir -p $(@D)
	@echo "jar: building $@ (Maven; about a minute the first time)"
	@# Maven's own guava warns about sun.misc.Unsafe on JDK 24+; that is not ours to fix, so it is not shown
	@set -o pipefail; $(MVN) -pl java-runtime -Dmaven.test.skip=true package 2>&1 \
	  | { grep -v -e 'sun.misc.Unsafe' -e '^WARNING: Please consider reporting' || true; }
	@cp $$(ls $(ROOT)/java-runtime/target/wakewire-runtime-*-all.jar | head -1) $@

$(CLI_LAUNCHER): $(ROOT)/java-runtime/bin/wakewire
	@mkdir -p $(@D)
	@cp $< $@ && chmod +x $@

# `make demo` installs what is missing first, as `make test` does.
demo: deps
	@$(MAKE) --no-print-directory firmware BOARD=$(BOARD)
	@$(MAKE) --no-print-directory vboard jar
	@$(JAVA) -jar $(CLI_JAR) demo --no-build --board $(BOARD) $(if $(PORT),--port $(PORT))

flash:
	@[ -n "$(PORT)" ] || { echo "make flash: give the port, e.g. make flash BOARD=$(BOARD) PORT=/dev/ttyACM0 (\`$(CLI_LAUNCHER) ports\` lists them)" >&2; exit 2; }
	@command -v avrdude >/dev/null || { echo "make flash: avrdude is missing; install it: sudo apt-get install avrdude" >&2; exit 3; }
	@$(MAKE) --no-print-directory jar
	@$(JAVA) -jar $(CLI_JAR) flash --board $(BOARD) --port $(PORT)
