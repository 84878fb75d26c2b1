package io.wakewire.link;

/**
 * Names for the errno values the native reactor returns, for messages a person can read and search
 * for: the symbol and, where it is not obvious, what it means for a serial port. Linux numbers
 * (the reactor is Linux-only).
 */
final class Errno {

    static final int EPERM = 1, ENOENT = 2, EINTR = 4, EIO = 5, ENXIO = 6, EBADF = 9, EAGAIN = 11, ENOMEM = 12,
            EACCES = 13, EBUSY = 16, ENODEV = 19, ENOTDIR = 20, EISDIR = 21, EINVAL = 22, ENFILE = 23, EMFILE = 24,
            ENOTTY = 25, EROFS = 30, ENAMETOOLONG = 36, ENOSYS = 38, ELOOP = 40, EOPNOTSUPP = 95, ETIMEDOUT = 110;

    private Errno() {
    }

    static String name(int errno) {
        return switch (errno) {
            case EPERM -> "EPERM (operation not permitted)";
            case ENOENT -> "ENOENT (no such file)";
            case EINTR -> "EINTR (interrupted)";
            case EIO -> "EIO (I/O error: device unplugged or hung up)";
            case ENXIO -> "ENXIO (no such device)";
            case EBADF -> "EBADF";
            case EAGAIN -> "EAGAIN (try again)";
            case ENOMEM -> "ENOMEM (out of memory)";
            case EACCES -> "EACCES (permission denied)";
            case EBUSY -> "EBUSY";
            case ENODEV -> "ENODEV";
            case ENOTDIR -> "ENOTDIR (a part of the path is not a directory)";
            case EISDIR -> "EISDIR (a directory, not a serial port)";
            case EINVAL -> "EINVAL";
            case ENFILE, EMFILE -> "E" + (errno == ENFILE ? "N" : "M") + "FILE (too many open files)";
            case ENOTTY -> "ENOTTY (not a terminal)";
            case EROFS -> "EROFS (read-only file system)";
            case ENAMETOOLONG -> "ENAMETOOLONG (path too long)";
            case ENOSYS -> "ENOSYS (this kernel lacks a system call the native link needs;"
                    + " -D" + NativeLibrary.PROPERTY + "=off uses jssc instead)";
            case ELOOP -> "ELOOP (too many symbolic links)";
            case EOPNOTSUPP -> "EOPNOTSUPP (not supported by this device)";
            case ETIMEDOUT -> "ETIMEDOUT (no progress)";
            default -> "system error " + errno + " (errno)";
        };
    }
}
