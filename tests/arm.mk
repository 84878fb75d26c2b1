# The jar on ARM without a board: Debian's arm64 and armhf JVMs under qemu-user.
#
#   make test-arm        build/wakewire.jar on openjdk-21 for aarch64 and for armhf (Debian trixie's,
#                        emulated by trixie's qemu-user), each against a virtual Uno running here:
#                        the native reactor is chosen, 2,000 edges arrive with none lost, Pi4J starts
#                        and refuses a pin for want of a GPIO chip (tests/arm/test-arm.sh says how)
#   make arm-runtimes    only fetch and unpack the emulator and the two JREs under build/arm
#
# Nothing is installed system-wide: apt runs with private lists and cache (tests/arm/fetch-runtimes.sh),
# ~150 MB the first time, kept in build/arm/debs so that a rerun is offline. It takes about two
# minutes on two busy cores, so CI (.ci/run) runs it after `make test` rather than inside it.
.PHONY: test-arm arm-runtimes

ARM_DIR := $(BUILD)/arm
ARM_CPUS := aarch64 armhf
ARM_CHECK_SRC := $(ROOT)/tests/arm/ArmCheck.java
ARM_CHECK := $(ARM_DIR)/check/io/wakewire/armcheck/ArmCheck.class

# The jar carries the reactor libraries of every CPU (java-runtime/pom.xml takes build/native-jar):
# rebuild it when one of them is newer, or the ARM JVMs would test a jar without theirs.
$(CLI_JAR): $(REACTOR_LIBS)

arm-runtimes:
	@$(ROOT)/tests/arm/fetch-runtimes.sh $(ARM_DIR)

# Compiled here, by the build JDK, for Java 21: the emulated JREs have no compiler.
$(ARM_CHECK): $(ARM_CHECK_SRC) $(CLI_JAR) | jdk
	@rm -rf $(ARM_DIR)/check && mkdir -p $(ARM_DIR)/check
	$(JDK)/bin/javac --release 21 -Xlint:all -Werror -cp $(CLI_JAR) -d $(ARM_DIR)/check $(ARM_CHECK_SRC)

test-arm: deps reactor jar vboard arm-runtimes $(ARM_CHECK)
	@$(MAKE) --no-print-directory firmware BOARD=uno >/dev/null
	@for a in $(ARM_CPUS); do $(JDK)/bin/jar tf $(CLI_JAR) | grep -qx "io/wakewire/native/linux-$$a/libwakewire-reactor.so" \
	  || { echo "test-arm: $(CLI_JAR) has no linux-$$a reactor library (make reactor needs the cross compilers: make deps)" >&2; exit 1; }; done
	@$(ROOT)/tests/arm/test-arm.sh $(ROOT) $(ARM_CPUS)
