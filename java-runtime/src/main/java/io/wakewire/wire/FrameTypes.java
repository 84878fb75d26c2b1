package io.wakewire.wire;

/**
 * The type bytes of protocol version 1 and their names as PROTOCOL.md (and the vectors file)
 * spell them. Type numbers are unique across both directions, so a name needs only the number.
 */
public final class FrameTypes {

    public static final int HELLO_REQUEST = 0x81;
    public static final int PIN_MODE = 0x82;
    public static final int ARM = 0x83;
    public static final int DIGITAL_WRITE = 0x84;
    public static final int PWM_WRITE = 0x85;
    public static final int ANALOG_READ = 0x86;
    public static final int PING = 0x87;
    public static final int CLOCK_REQUEST = 0x88;
    public static final int STATS_REQUEST = 0x89;
    public static final int RESET_CAUSE_REQUEST = 0x8A;
    public static final int READ_PIN = 0x8B;
    public static final int STREAM = 0x8C;
    /** MSG host -> board (the app runtime): req_id, topic, data. */
    public static final int MSG_REQUEST = 0x8D;
    public static final int SERVO = 0x8E;
    public static final int I2C_REQUEST = 0x8F;
    public static final int I2C_POLL = 0x90;

    public static final int HELLO = 0x10;
    public static final int EVENTS = 0x11;
    public static final int SAMPLES = 0x12;
    /** MSG board -> host (the app runtime): topic, lost, data; no req_id (io.wakewire.board.Messages decodes it). */
    public static final int MSG = 0x13;
    public static final int ACK = 0x20;
    public static final int NAK = 0x21;
    public static final int PONG = 0x22;
    public static final int ANALOG = 0x23;
    public static final int STATS = 0x24;
    public static final int CLOCK = 0x25;
    public static final int RESET_CAUSE = 0x26;
    public static final int LEVEL = 0x27;
    public static final int I2C = 0x28;
    public static final int I2C_READINGS = 0x14;

    private FrameTypes() {
    }

    /** True for host-to-board types (0x80..0xFF). */
    public static boolean isCommand(int type) {
        return (type & 0x80) != 0;
    }

    /** PROTOCOL.md's name for a type ("PIN_MODE", "HELLO", ...), or null for a type v1 does not define. */
    public static String name(int type) {
        return switch (type) {
            case HELLO_REQUEST, HELLO -> "HELLO";
            case PIN_MODE -> "PIN_MODE";
            case ARM -> "ARM";
            case DIGITAL_WRITE -> "DIGITAL_WRITE";
            case PWM_WRITE -> "PWM_WRITE";
            case SERVO -> "SERVO";
            case ANALOG_READ -> "ANALOG_READ";
            case PING -> "PING";
            case CLOCK_REQUEST, CLOCK -> "CLOCK";
            case STATS_REQUEST, STATS -> "STATS";
            case RESET_CAUSE_REQUEST, RESET_CAUSE -> "RESET_CAUSE";
            case EVENTS -> "EVENTS";
            case MSG_REQUEST -> "MSG"; // the board's MSG (0x13) stays a Raw here: io.wakewire.board.Messages decodes it
            case ACK -> "ACK";
            case NAK -> "NAK";
            case PONG -> "PONG";
            case ANALOG -> "ANALOG";
            case READ_PIN -> "READ_PIN";
            case STREAM -> "STREAM";
            case SAMPLES -> "SAMPLES";
            case LEVEL -> "LEVEL";
            case I2C_REQUEST, I2C -> "I2C";
            case I2C_POLL -> "I2C_POLL";
            case I2C_READINGS -> "I2C_READINGS";
            default -> null;
        };
    }

    /** True when protocol v1 defines {@code type}. */
    public static boolean isKnown(int type) {
        return name(type) != null;
    }
}
