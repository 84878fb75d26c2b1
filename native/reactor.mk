# The native reactor (JNI, Linux): epoll + eventfd + timerfd + raw ttys, for io.wakewire.link.
#
#   make reactor          build/native-jar/linux-<arch>/libwakewire-reactor.so, with the JNI headers
#                         of the JDK the top Makefile found; java-runtime/pom.xml puts build/native-jar
#                         into the jar, from where io.wakewire.link.NativeLibrary loads it
#
# `make java-test` builds it first and tells the Java tests it must load (WAKEWIRE_NATIVE_REQUIRED),
# so there a missing or broken library fails the tests instead of skipping them. A Maven build
# without it still works: the jar lacks the library and the runtime falls back to jssc.
.PHONY: reactor

REACTOR_DIR := $(ROOT)/native/reactor/src
REACTOR_ARCH := $(shell uname -m | sed -e 's/^aarch64$$/aarch64/' -e 's/^armv7l$$/armhf/' -e 's/^amd64$$/x86_64/')
REACTOR_SO := $(BUILD)/native-jar/linux-$(REACTOR_ARCH)/libwakewire-reactor.so
REACTOR_CC ?= gcc
REACTOR_CFLAGS := -std=gnu11 -O2 -g -Wall -Wextra -Werror -fPIC -fvisibility=hidden \
                  -I$(JDK)/include -I$(JDK)/include/linux

reactor: $(REACTOR_SO)

$(REACTOR_SO): $(wildcard $(REACTOR_DIR)/*.c) $(wildcard $(REACTOR_DIR)/*.h) | jdk
	@mkdir -p $(@D)
	$(REACTOR_CC) $(REACTOR_CFLAGS) -shared -Wl,-z,noexecstack -o $@ $(wildcard $(REACTOR_DIR)/*.c)

java-test: reactor
java-test: export WAKEWIRE_NATIVE_REQUIRED = 1
