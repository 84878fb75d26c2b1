# The wakewire command and the demo (owned by the CLI work).
.PHONY: demo
demo:
	@echo "demo: not written yet"
