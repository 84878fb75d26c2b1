# Firmware rules (owned by avr-firmware/). Targets: firmware, size, size-check, firmware-test, fuzz.
.PHONY: firmware size size-check firmware-test
firmware size size-check firmware-test:
	@echo "$@: the firmware is not written yet"
