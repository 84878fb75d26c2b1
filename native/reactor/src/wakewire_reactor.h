/* Shared constants between the reactor's C files and io.wakewire.link.NativeCalls. */
#ifndef WAKEWIRE_REACTOR_H
#define WAKEWIRE_REACTOR_H

/* Where an open failed; Java turns (stage, errno) into a PortOpenException with the fix. */
#define STAGE_OPEN     1
#define STAGE_EXCL     2
#define STAGE_TERMIOS  3
#define STAGE_BAUD     4

#endif
