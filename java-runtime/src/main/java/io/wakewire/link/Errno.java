package io.wakewire.link;

/** Names for the errno values the native reactor returns, for messages a person can search for. */
final class Errno {

    static final int EPERM = 1, ENOENT = 2, EIO = 5, ENXIO = 6, EBADF = 9, EACCES = 13, EBUSY = 16,
            ENODEV = 19, EINVAL = 22, ENOTTY = 25, ETIMEDOUT = 110;

    private Errno() {
    }

    static String name(int errno) {
        return switch (errno) {
            case EPERM -> "EPERM";
            case ENOENT -> "ENOENT";
            case EIO -> "EIO (I/O error: device unplugged or hung up)";
            case ENXIO -> "ENXIO (no such device)";
            case EBADF -> "EBADF";
            case EACCES -> "EACCES";
            case EBUSY -> "EBUSY";
            case ENODEV -> "ENODEV";
            case EINVAL -> "EINVAL";
            case ENOTTY -> "ENOTTY (not a terminal)";
            case ETIMEDOUT -> "ETIMEDOUT (no progress)";
            default -> "errno " + errno;
        };
    }
}
