# Java rules beyond build and test (owned by java-runtime/): examples and JMH benchmarks.
.PHONY: bench-executor example-letters demo
bench-executor example-letters demo:
	@echo "$@: not written yet"
