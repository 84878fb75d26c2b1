package io.wakewire.wire;

import static io.wakewire.wire.Fields.u32;

/**
 * One record of a SAMPLES frame (PROTOCOL.md, SAMPLES): a conversion, or a LOST marker where the
 * board's sample ring was full.
 */
public sealed interface SampleRecord {

    /** The marker bit of a record's first word; a sample's word is value | channel << 10. */
    int LOST_BIT = 0x8000;

    /** A conversion of ADC {@code channel}: {@code value} (10 bits), triggered at board tick {@code timestamp}. */
    record Sample(int channel, int value, long timestamp) implements SampleRecord {
        public Sample {
            if (channel < 0 || channel > 15 || value < 0 || value > 0x3FF) {
                throw new IllegalArgumentException("sample channel " + channel + " value " + value + " out of range");
            }
            u32("timestamp", timestamp);
        }
    }

    /** {@code count} samples the board dropped here (1..32767). */
    record Lost(int count) implements SampleRecord {
        public Lost {
            if (count < 1 || count > 0x7FFF) {
                throw new IllegalArgumentException("lost count " + count + " outside 1..32767");
            }
        }
    }
}
