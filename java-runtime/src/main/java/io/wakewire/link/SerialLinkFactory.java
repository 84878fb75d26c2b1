package io.wakewire.link;

/**
 * Opens serial links. One implementation per transport: {@link JsscSerialLinkFactory} (portable,
 * one reader thread per port) and {@link NativeSerialLinkFactory} (the native epoll reactor). The board layer
 * takes a factory so that tests can hand it in-memory links instead.
 */
@FunctionalInterface
public interface SerialLinkFactory {

    /**
     * Opens and configures the port; the link is reading when this returns.
     *
     * @throws PortOpenException when the port is missing, busy, not accessible or not a serial port;
     *         the message names the port and the fix
     */
    SerialLink open(PortSettings settings) throws PortOpenException;
}
