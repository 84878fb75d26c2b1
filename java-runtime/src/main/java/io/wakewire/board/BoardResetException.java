package io.wakewire.board;

/**
 * The board reset while the session was up: it sent a new boot HELLO. Handled like a disconnect
 * (waiters fail, the session handshakes again and re-arms every subscription); this subtype says
 * why, with the reset cause the board reported (MCUSR bits: 1 power-on, 2 external, 4 brown-out,
 * 8 watchdog).
 */
public final class BoardResetException extends BoardDisconnectedException {

    private static final long serialVersionUID = 1L;

    private final int resetCause;

    public BoardResetException(String board, int resetCause) {
        super(board, Reason.RESET, "the board reset (reset cause 0x" + Integer.toHexString(resetCause) + ": "
                + describeCause(resetCause) + ")", null);
        this.resetCause = resetCause;
    }

    /** A reset seen only by its effect (the board's clock went backwards): its boot HELLO was lost. */
    public BoardResetException(String board, String how) {
        super(board, Reason.RESET, "the board reset (" + how + ")", null);
        this.resetCause = -1;
    }

    /** MCUSR at the reset, or -1 when the boot HELLO that carries it was lost. */
    public int resetCause() {
        return resetCause;
    }

    static String describeCause(int mcusr) {
        StringBuilder sb = new StringBuilder();
        String[] names = {"power-on", "external", "brown-out", "watchdog", "JTAG"};
        for (int i = 0; i < names.length; i++) {
            if ((mcusr & (1 << i)) != 0) {
                sb.append(sb.length() == 0 ? "" : ", ").append(names[i]);
            }
        }
        return sb.length() == 0 ? "unknown" : sb.toString(); // 0: MCUSR read 0 (PROTOCOL.md, HELLO)
    }
}
