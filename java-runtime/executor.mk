# Executor examples and benchmarks (owned by the executor work): bench-executor, example-letters.
.PHONY: bench-executor example-letters
bench-executor example-letters:
	@echo "$@: not written yet"
