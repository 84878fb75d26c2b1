# The native reactor (JNI, Linux): epoll + eventfd + timerfd + raw ttys, for io.wakewire.link.
#
#   make reactor          build/native-jar/linux-<arch>/libwakewire-reactor.so for this machine and,
#                         on x86_64 with Debian's cross compilers (make deps installs them), for
#                         linux-aarch64 and linux-armhf too; java-runtime/pom.xml puts build/native-jar
#                         into the jar, from where io.wakewire.link.NativeLibrary loads the right one
#
# Built with the JNI headers of the JDK the top Makefile found (jni_md.h is the same for every
# Linux CPU with gcc). `make java-test` builds it first and tells the Java tests it must load
# (WAKEWIRE_NATIVE_REQUIRED), so there a missing or broken library fails the tests instead of
# skipping them. A Maven build without it still works: the jar lacks the library and the runtime
# falls back to the JDK parker and jssc.
.PHONY: reactor reactor-cross-check

REACTOR_DIR := $(ROOT)/native/reactor/src
REACTOR_SRCS := $(wildcard $(REACTOR_DIR)/*.c)
REACTOR_ARCH := $(shell uname -m | sed -e 's/^armv7l$$/armhf/' -e 's/^arm64$$/aarch64/')
REACTOR_JAR_DIR := $(BUILD)/native-jar
REACTOR_SO = $(REACTOR_JAR_DIR)/linux-$(1)/libwakewire-reactor.so
REACTOR_CFLAGS := -std=gnu11 -O2 -g -Wall -Wextra -Werror -fPIC -fvisibility=hidden \
                  -I$(JDK)/include -I$(JDK)/include/linux
REACTOR_LDFLAGS := -shared -Wl,-z,noexecstack
# The compiler for each CPU: this machine's gcc for its own, Debian's cross compilers for the others.
REACTOR_CC_x86_64 := x86_64-linux-gnu-gcc
REACTOR_CC_aarch64 := aarch64-linux-gnu-gcc
REACTOR_CC_armhf := arm-linux-gnueabihf-gcc
REACTOR_CC_$(REACTOR_ARCH) := gcc
REACTOR_CROSS := $(filter-out $(REACTOR_ARCH),x86_64 aarch64 armhf)
REACTOR_CROSS_FOUND := $(foreach a,$(REACTOR_CROSS),$(if $(shell command -v $(REACTOR_CC_$(a))),$(a)))

ifeq ($(REACTOR_ARCH),x86_64)
APT_PACKAGES += gcc-aarch64-linux-gnu gcc-arm-linux-gnueabihf
endif

REACTOR_LIBS := $(call REACTOR_SO,$(REACTOR_ARCH)) $(foreach a,$(REACTOR_CROSS_FOUND),$(call REACTOR_SO,$(a)))

reactor: $(REACTOR_LIBS)
	@$(foreach a,$(filter-out $(REACTOR_CROSS_FOUND),$(REACTOR_CROSS)),echo "reactor: no $(REACTOR_CC_$(a)), so the jar has no linux-$(a) library (that CPU falls back to jssc)" >&2;)

$(REACTOR_JAR_DIR)/linux-%/libwakewire-reactor.so: $(REACTOR_SRCS) $(wildcard $(REACTOR_DIR)/*.h) | jdk
	@mkdir -p $(@D)
	$(REACTOR_CC_$*) $(REACTOR_CFLAGS) $(REACTOR_LDFLAGS) -o $@ $(REACTOR_SRCS)

# The cross-built libraries cannot run here: check at least that each is a shared object for its
# CPU exporting every JNI entry point that NativeCalls.java declares.
REACTOR_JAVA_DECLS := $(ROOT)/java-runtime/src/main/java/io/wakewire/link/NativeCalls.java
reactor-cross-check: reactor
	@want=$$(grep -c 'static native ' $(REACTOR_JAVA_DECLS)); for a in $(REACTOR_ARCH) $(REACTOR_CROSS_FOUND); do \
	  so=$(REACTOR_JAR_DIR)/linux-$$a/libwakewire-reactor.so; \
	  m=$$(readelf -h $$so | sed -n 's/^ *Machine: *//p'); \
	  n=$$(readelf -W --dyn-syms $$so | grep -c ' Java_io_wakewire_link_NativeCalls_'); \
	  echo "reactor: linux-$$a: $$m, $$n JNI entry points"; \
	  [ "$$n" -eq "$$want" ] || { echo "reactor: $$so exports $$n JNI entry points, NativeCalls.java declares $$want" >&2; exit 1; }; \
	done

java-test: reactor-cross-check
java-test: export WAKEWIRE_NATIVE_REQUIRED = 1
java-build: reactor
