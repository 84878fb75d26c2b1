package io.wakewire.sim;

/**
 * A virtual board that could not be started, refused a command, or went away. {@link #missingTool()}
 * tells a missing build product or program (vboard, a firmware image, the repository) from the rest,
 * so that the CLI can say "build it" by type rather than by the message's words.
 */
public class VirtualBoardException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean missingTool;

    public VirtualBoardException(String message) {
        this(message, null, false);
    }

    public VirtualBoardException(String message, Throwable cause) {
        this(message, cause, false);
    }

    private VirtualBoardException(String message, Throwable cause, boolean missingTool) {
        super(message, cause);
        this.missingTool = missingTool;
    }

    /** Something the virtual board needs is not there or will not run (not built, not installed). */
    public static VirtualBoardException missing(String message, Throwable cause) {
        return new VirtualBoardException(message, cause, true);
    }

    /** True when a program or build product the virtual board needs is missing or will not run. */
    public boolean missingTool() {
        return missingTool;
    }
}
