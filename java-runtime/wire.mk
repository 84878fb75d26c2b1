# Wire codec benchmark (owned by the codec work): bench-wire.
#
#   make bench-wire      JMH, about 30 s: METRIC decode_ns_per_frame <v> ns (a full 28-edge EVENTS frame
#                        through the allocation-free visitor), plus the record path and a small ACK
#
# Builds the runtime and the tests module (which holds the JMH classes) with Maven, then runs on
# the classpath Maven resolves.

.PHONY: bench-wire

WIRE_CP_FILE := $(BUILD)/tests-wire.classpath

bench-wire: jdk
	@mkdir -p $(BUILD)
	$(MVN) -DskipTests -pl tests -am install
	$(MVN) -pl tests dependency:build-classpath -Dmdep.outputFile=$(WIRE_CP_FILE) >/dev/null
	$(JAVA) -cp $(ROOT)/tests/target/classes:$$(cat $(WIRE_CP_FILE)) io.wakewire.bench.wire.WireBenchMain
