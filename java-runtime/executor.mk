# Executor examples and benchmarks: bench-executor, example-letters.
#
#   make example-letters N=10000 [X=99900] [SEED=1]   the seed's job search, on one executor thread
#   make bench-executor                               JMH + latency + heap figures as METRIC lines (~4-6 min),
#                                                     next to kotlinx-coroutines, Netty and a bare JDK continuation,
#                                                     with a *_ratio line (ours / theirs) per pair
#     FORKS=2 ITERATIONS=5   a fuller JMH run (default 1 fork, 3 measured iterations)
#     ONLY='asyncYield|asyncYieldBareContinuation' SKIP_HEAP=1   some benchmarks only, no latency/heap probes
#
# Both build the runtime and the tests module (which holds the examples and the JMH classes;
# test sources are not compiled, so a half-written test elsewhere cannot stop a benchmark)
# with Maven, then run on the classpath Maven resolves, with the export the continuation-based
# async engine needs.

.PHONY: bench-executor example-letters executor-classpath

EXECUTOR_CP_FILE := $(BUILD)/tests.classpath
EXECUTOR_JAVA := $(JAVA) --add-exports java.base/jdk.internal.vm=ALL-UNNAMED
N ?= 10000
X ?= 99900
SEED ?= 1

executor-classpath: jdk
	@mkdir -p $(BUILD)
	$(MVN) -Dmaven.test.skip=true -pl tests -am install
	$(MVN) -pl tests dependency:build-classpath -Dmdep.outputFile=$(EXECUTOR_CP_FILE) >/dev/null

example-letters: executor-classpath
	$(EXECUTOR_JAVA) -cp $(ROOT)/tests/target/classes:$(ROOT)/java-runtime/target/classes:$$(cat $(EXECUTOR_CP_FILE)) \
	  io.wakewire.examples.letters.LettersMain N=$(N) X=$(X) SEED=$(SEED)

bench-executor: executor-classpath
	$(EXECUTOR_JAVA) -cp $(ROOT)/tests/target/classes:$(ROOT)/java-runtime/target/classes:$$(cat $(EXECUTOR_CP_FILE)) \
	  io.wakewire.bench.executor.ExecutorBenchMain
