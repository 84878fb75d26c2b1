/**
 * The virtual board launcher: {@link io.wakewire.sim.VirtualBoard} runs the native {@code vboard}
 * program (the real firmware on libsimavr, UART0 on a pseudo-terminal) and offers its stdin
 * command language as blocking methods; {@link io.wakewire.sim.BuildArtifacts} finds the binary,
 * the ELF and the board config. Used by the end-to-end tests, the bridge benchmark and the CLI's
 * {@code sim} and {@code demo} commands.
 */
package io.wakewire.sim;
