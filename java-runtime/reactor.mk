# The native reactor's benchmark (owned by the reactor work): bench-reactor.
#
#   make bench-reactor [REACTOR_IDLE_S=5] [REACTOR_WAKES=3000]
#        METRIC idle_cpu_share_native / _jssc / _jssc_listener (cores, one silent port on a socat pty)
#        METRIC cross_thread_wake_us_p50/_p99 for the eventfd reactor and for LockSupport
#        METRIC byte_to_task_us_p50/_p99 _native and _jssc (a byte written on a pty master to the
#               awaiting task resumed; each transport on a pty pair of its own made in the JVM, no
#               socat relay; interleaved edge by edge in one run, after a JIT warm-up)
#        METRIC pty_hop_us_p50/_p99, the anchor under both: the same write to a sleeping reader
#               thread's read() in C (native/reactor/bench/pty_hop.c), no JVM, no decoding
#
# Builds the library (native/reactor.mk) and the runtime with its test classes, then runs
# io.wakewire.link.ReactorBench on the classpath Maven resolves, then
# io.wakewire.bench.bridge.TransportLatencyMain. About a minute.
# REACTOR_EDGES measured edges per transport, REACTOR_WARM warm-up edges, REACTOR_GAP_US between writes.

.PHONY: bench-reactor

REACTOR_CP_FILE := $(BUILD)/runtime-test.classpath
REACTOR_IDLE_S ?= 5
REACTOR_WAKES ?= 3000
REACTOR_EDGES ?= 3000
REACTOR_WARM ?= 5000
REACTOR_GAP_US ?= 1000

PTY_HOP := $(BUILD)/reactor-bench/pty_hop
$(PTY_HOP): $(ROOT)/native/reactor/bench/pty_hop.c
	@mkdir -p $(@D)
	gcc -std=gnu11 -O2 -Wall -Wextra -pthread -o $@ $<

bench-reactor: reactor jdk $(PTY_HOP)
	@mkdir -p $(BUILD)
	$(MVN) -pl java-runtime test-compile
	$(MVN) -pl java-runtime dependency:build-classpath -Dmdep.outputFile=$(REACTOR_CP_FILE) >/dev/null
	@$(JAVA) -cp $(ROOT)/java-runtime/target/classes:$(ROOT)/java-runtime/target/test-classes:$$(cat $(REACTOR_CP_FILE)) \
	  io.wakewire.link.ReactorBench $(REACTOR_IDLE_S) $(REACTOR_WAKES)
	@# byte_to_task on both transports in one run, interleaved (fake boards on in-process pty pairs; tests module)
	$(MVN) -Dmaven.test.skip=true -pl tests -am install
	$(MVN) -pl tests dependency:build-classpath -Dmdep.outputFile=$(BUILD)/tests.classpath >/dev/null
	@$(JAVA) --add-exports java.base/jdk.internal.vm=ALL-UNNAMED --enable-native-access=ALL-UNNAMED \
	  -cp $(ROOT)/tests/target/classes:$$(cat $(BUILD)/tests.classpath) \
	  io.wakewire.bench.bridge.TransportLatencyMain $(REACTOR_EDGES) $(REACTOR_WARM) $(REACTOR_GAP_US)
	@$(PTY_HOP) $(REACTOR_EDGES) $(REACTOR_WARM) $(REACTOR_GAP_US)
bench: bench-reactor

# The executable jar carries the libraries (cli.mk builds it; it is read before this file).
$(CLI_JAR): $(REACTOR_LIBS)
