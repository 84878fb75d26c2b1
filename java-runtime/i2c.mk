# The i2c module's benchmark (the firmware module is avr-firmware/modules/i2c).
#
#   make bench-i2c      METRIC lines: i2c_read_latency_us_p50/_p99 (host request to answer, 2 bytes
#                       from a register at 400 kHz), i2c_poll_interval_error_us_p99 (a 10 ms
#                       board-timed poll); a virtual board with a BMP280 model, paced (~15 s)

.PHONY: bench-i2c

I2C_CP_FILE := $(BUILD)/i2c-bench.classpath
# This tree's runtime classes come before the classpath's copy in ~/.m2, which other builds of
# the same SNAPSHOT may replace meanwhile.

bench-i2c: jdk vboard
	@$(MAKE) --no-print-directory firmware BOARD=uno >&2
	@mkdir -p $(BUILD)
	$(MVN) -Dmaven.test.skip=true -pl tests -am install
	$(MVN) -pl tests dependency:build-classpath -Dmdep.outputFile=$(I2C_CP_FILE) >/dev/null
	cd $(ROOT) && timeout 300 $(JAVA) --add-exports java.base/jdk.internal.vm=ALL-UNNAMED \
	  -cp $(ROOT)/tests/target/classes:$(ROOT)/java-runtime/target/classes:$$(cat $(I2C_CP_FILE)) \
	  io.wakewire.bench.i2c.I2cBenchMain
