# Native rules (owned by native/). Targets: vboard, vboard-test, sim, bench-firmware.
.PHONY: vboard vboard-test sim bench-firmware
vboard vboard-test sim bench-firmware:
	@echo "$@: the virtual board is not written yet"
