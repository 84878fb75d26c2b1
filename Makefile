# wakewire — the one entry point.
#
#   make demo            build what is missing, then run the demo on a virtual board (PORT=... for a real one)
#   make test            install what is missing, then run every test: firmware (cmocka, fuzz), virtual board, Java
#   make deps            install the system packages (apt, as root or through sudo)
#   make firmware BOARD=uno    make size BOARD=uno    make size-check
#   make sim BOARD=uno   make flash BOARD=uno PORT=/dev/ttyACM0   make sim-bootloader (rehearse flashing)
#   make test-arm        the jar on aarch64 and armhf JVMs under qemu-user (CI runs it after make test)
#   make bench           every benchmark; or bench-executor, bench-firmware, bench-bridge, ...
#
# Each area of the tree keeps its own rules in a fragment included below; this file holds
# what they share: the board, the JDK, Maven, and the system packages.

SHELL := /bin/bash
.DEFAULT_GOAL := help
ROOT := $(abspath $(dir $(lastword $(MAKEFILE_LIST))))
BUILD := $(ROOT)/build
BOARD ?= uno
PORT ?=

# ---- system packages -------------------------------------------------------------------
APT_PACKAGES := gcc-avr avr-libc binutils-avr simavr libsimavr-dev libcmocka-dev clang \
                libclang-rt-14-dev libelf-dev maven avrdude arduino-core-avr pkg-config make gcc socat sigrok-cli \
                gtkwave python3-pandas mosquitto mosquitto-clients
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# ---- a JDK 21 or newer: JAVA_HOME first, then the newest under /usr/lib/jvm -------------------
define find_jdk
for j in "$$JAVA_HOME" $$(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do \
  j=$${j%/}; [ -n "$$j" ] && [ -x "$$j/bin/javac" ] || continue; \
  v=$$("$$j/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'); \
  [ "$${v%%.*}" -ge 21 ] 2>/dev/null && { echo "$$j"; break; }; \
done
endef
JDK := $(shell $(find_jdk))
JAVA := $(JDK)/bin/java
MVN := JAVA_HOME=$(JDK) mvn -B -q -ntp -f $(ROOT)/pom.xml

.PHONY: help deps jdk java-build java-test test demo bench clean

help:
	@sed -n '2,10s/^# \{0,1\}//p' $(ROOT)/Makefile

deps:
	@missing=$$(for p in $(APT_PACKAGES); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "make deps: installing" $$missing; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >/dev/null \
	  || { echo "make deps: could not install; run: sudo apt-get install -y $$missing" >&2; exit 1; }; \
	fi
	@if [ -z "$$($(find_jdk))" ]; then \
	  for p in openjdk-25-jdk-headless openjdk-21-jdk-headless; do \
	    if apt-cache show $$p >/dev/null 2>&1; then echo "make deps: installing $$p"; \
	      DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$p >/dev/null && break; fi; \
	  done; \
	fi
	@$(MAKE) --no-print-directory jdk

jdk:
	@jdk=$$($(find_jdk)); if [ -z "$$jdk" ]; then \
	  echo "wakewire needs a JDK 21 or newer and found none (JAVA_HOME, /usr/lib/jvm/*)." >&2; \
	  echo "Install one: sudo apt-get install openjdk-21-jdk-headless  (Debian 13, Ubuntu 24.04, Raspberry Pi OS trixie)" >&2; \
	  echo "or Temurin 21+ (adoptium.net), then set JAVA_HOME to it." >&2; exit 1; fi

# Java: the runtime library and the end-to-end tests. Depends on the firmware and the virtual
# board being built, because the end-to-end tests run them.
java-build: jdk
	$(MVN) -DskipTests install

# The 115200-baud Uno build the end-to-end tests also run (MergedEdgesTest): build/uno-115200/.
.PHONY: firmware-uno-115200
firmware-uno-115200:
	@$(MAKE) --no-print-directory firmware BOARD=uno BAUD=115200 FW_OUT=$(BUILD)/uno-115200

# Not quiet: surefire's per-suite "Tests run:" lines are the record of what ran.
java-test: jdk firmware firmware-variants firmware-uno-115200 vboard jar
	JAVA_HOME=$(JDK) mvn -B -ntp -f $(ROOT)/pom.xml install

include $(ROOT)/avr-firmware/firmware.mk
include $(ROOT)/native/native.mk
include $(ROOT)/native/reactor.mk
include $(sort $(wildcard $(ROOT)/java-runtime/*.mk))
include $(ROOT)/tests/arm.mk

# Nothing skips here: WAKEWIRE_NATIVE_REQUIRED turns every "not built / not installed" skip of the
# tests (Java, vboard self-test, bench) into a failure, since this target builds and installs it all.
test: export WAKEWIRE_NATIVE_REQUIRED = 1
test: deps
	@$(MAKE) --no-print-directory -k firmware-test vboard-test java-test size-check

bench: bench-executor bench-wire bench-firmware bench-servo bench-bridge bench-pi bench-gateway bench-mcu-runtime bench-i2c

clean:
	rm -rf $(BUILD)
	-$(MVN) clean
