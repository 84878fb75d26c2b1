# The Pi4J adapter's benchmark and example (owned by the Pi work): bench-pi, example-pi.
#
#   make bench-pi [ROUNDS=50000] [EDGES=2000000]   edge-to-task latency and one-pin throughput
#                                                  under Pi4J's mock GPIO, as METRIC lines (~1 min)
#   make example-pi [PI=real] [PRESSES=5]          a button on GPIO17 toggles GPIO27 (mock GPIO
#                                                  unless PI=real, on a Raspberry Pi)
#
# Builds the runtime and the tests module (which holds the benchmark) with Maven, then runs on the
# classpath Maven resolves, with the export the continuation-based async engine needs.

.PHONY: bench-pi example-pi pi-classpath

PI_CP_FILE := $(BUILD)/tests-pi.classpath
ROUNDS ?= 50000
EDGES ?= 2000000
PI ?= mock
PRESSES ?= 5

pi-classpath: jdk
	@mkdir -p $(BUILD)
	$(MVN) -DskipTests -pl tests -am install
	$(MVN) -pl tests dependency:build-classpath -Dmdep.outputFile=$(PI_CP_FILE) >/dev/null

example-pi: pi-classpath
	$(JAVA) --add-exports java.base/jdk.internal.vm=ALL-UNNAMED \
	  -cp $(ROOT)/tests/target/classes:$(ROOT)/java-runtime/target/classes:$$(cat $(PI_CP_FILE)) \
	  io.wakewire.bench.pi.PiButtonDemo $(PI) $(PRESSES)

bench-pi: pi-classpath
	$(JAVA) --add-exports java.base/jdk.internal.vm=ALL-UNNAMED \
	  -cp $(ROOT)/tests/target/classes:$(ROOT)/java-runtime/target/classes:$$(cat $(PI_CP_FILE)) \
	  io.wakewire.bench.pi.PiEdgeBench ROUNDS=$(ROUNDS) EDGES=$(EDGES)
