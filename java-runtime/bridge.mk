# The host bridge: bench-bridge (its benchmark) and example-edge (the README example).
#
#   make bench-bridge     METRIC lines: edges_per_s_1M, edges_per_s_115200, byte_to_task_us_p50/_p99,
#                         connect_to_ready_ms, idle_cpu_share, clock_sync_error_us_p50/_p99/_max
#                         (about 2 minutes)
#
# Needs the firmware at its config baud (build/uno) and a second build at 115200 baud
# (build/uno-115200), the virtual board, and socat (make deps) for the byte-to-task pty pair.

.PHONY: bench-bridge

BRIDGE_FW_115200 := $(BUILD)/uno-115200/wakewire.elf
BRIDGE_CP_FILE := $(BUILD)/bridge.classpath

bench-bridge: jdk vboard
	@$(MAKE) --no-print-directory firmware BOARD=uno >&2
	@$(MAKE) --no-print-directory firmware BOARD=uno BAUD=115200 FW_OUT=$(BUILD)/uno-115200 >&2
	@mkdir -p $(BUILD)
	$(MVN) -Dmaven.test.skip=true -pl tests -am install
	$(MVN) -pl tests dependency:build-classpath -Dmdep.outputFile=$(BRIDGE_CP_FILE) >/dev/null
	cd $(ROOT) && timeout 900 $(JAVA) --add-exports java.base/jdk.internal.vm=ALL-UNNAMED \
	  -cp $(ROOT)/tests/target/classes:$$(cat $(BRIDGE_CP_FILE)) \
	  io.wakewire.bench.bridge.BridgeBenchMain $(BRIDGE_FW_115200)

# The README's "await an edge" example, the README's own FirstEdge.java (tests module): against a
# virtual Uno pulsing D2, or PORT=/dev/ttyACM0 for a real one. This worktree's classes come first on the
# class path: the local repository (~/.m2) may hold another build of the same SNAPSHOT.
.PHONY: example-edge
example-edge: jdk vboard
	@$(MAKE) --no-print-directory firmware BOARD=uno >&2
	$(MVN) -DskipTests -pl tests -am install
	$(MVN) -pl tests dependency:build-classpath -Dmdep.outputFile=$(BUILD)/example-edge.classpath >/dev/null
	cd $(ROOT) && $(JAVA) --add-exports java.base/jdk.internal.vm=ALL-UNNAMED \
	  -cp $(ROOT)/tests/target/classes:$(ROOT)/java-runtime/target/classes:$(ROOT)/java-runtime/target/test-classes:$$(cat $(BUILD)/example-edge.classpath) \
	  io.wakewire.examples.firstedge.RunFirstEdge "$(PORT)"
