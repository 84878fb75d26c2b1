package io.wakewire.board;

/**
 * A call that needs a firmware module the board's firmware was built without (its HELLO does not
 * announce it). Thrown before anything is sent; the message names the module and how to add it.
 */
public final class ModuleMissingException extends BoardException {

    private static final long serialVersionUID = 1L;

    private final FirmwareModule module;

    public ModuleMissingException(String board, FirmwareModule module, String message) {
        super(board, Reason.MODULE_MISSING, message, null);
        this.module = module;
    }

    /** The module the call needs. */
    public FirmwareModule module() {
        return module;
    }
}
