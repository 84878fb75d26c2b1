# The MQTT gateway's benchmark.
#
#   make bench-gateway [GW_RATE=250]   METRIC lines: gateway_pin_to_subscriber_us_p50/_p99,
#                                      gateway_edges_per_s, gateway_outage_recovered (and _lost)
#                                      (about 1.5 minutes)
#
# A real Mosquitto on a free loopback port (make deps), 16 virtual boards, 4 `wakewire gateway`
# processes from build/wakewire.jar (4 boards each), one Paho subscriber. GW_RATE: edges/s
# offered on every board in the rate phase.

.PHONY: bench-gateway

GW_RATE ?= 250
GATEWAY_CP_FILE := $(BUILD)/gateway-bench.classpath

bench-gateway: jdk vboard jar
	@$(MAKE) --no-print-directory firmware BOARD=uno >&2
	@command -v mosquitto >/dev/null || [ -x /usr/sbin/mosquitto ] || { echo "bench-gateway: mosquitto is missing (make deps installs it)" >&2; exit 3; }
	$(MVN) -Dmaven.test.skip=true -pl tests -am install
	$(MVN) -pl tests dependency:build-classpath -Dmdep.outputFile=$(GATEWAY_CP_FILE) >/dev/null
	cd $(ROOT) && JAVA_HOME=$(JDK) timeout 600 $(JAVA) -cp $(ROOT)/tests/target/classes:$$(cat $(GATEWAY_CP_FILE)) \
	  io.wakewire.bench.gateway.GatewayBenchMain $(CLI_LAUNCHER) $(GW_RATE)
