package io.wakewire.link;

import io.wakewire.task.JdkParker;
import io.wakewire.task.Parker;

/**
 * Chooses the native reactor or the portable path, as {@code wakewire.native} (auto|on|off) and
 * the platform allow; {@link NativeLibrary} says once at INFO why the native path is not used.
 *
 * <p>{@link #parkerAndLinks()} is the whole-path choice: one {@link NativeReactor} that is both the
 * executor's parker and the ports' reactor, or the {@link JdkParker} with jssc links.
 */
public final class Transports {

    /** A parker for an executor and a factory for its ports that belong together. */
    public record Choice(Parker parker, SerialLinkFactory links, boolean nativeReactor) {
    }

    private Transports() {
    }

    /** The native reactor as parker and port reactor when available; else the JDK parker and jssc. */
    public static Choice parkerAndLinks() {
        if (NativeLibrary.available()) {
            NativeReactor reactor = new NativeReactor();
            return new Choice(reactor, new NativeSerialLinkFactory(reactor), true);
        }
        return new Choice(new JdkParker(), new JsscSerialLinkFactory(), false);
    }

    /** Links for use with any executor: the shared native reactor thread, or jssc. */
    public static SerialLinkFactory links() {
        return NativeLibrary.available() ? NativeSerialLinkFactory.shared() : new JsscSerialLinkFactory();
    }
}
