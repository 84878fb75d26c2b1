/**
 * Board configurations: {@code board-configs/<name>.conf} read, checked in full, and offered as
 * typed values. Pure Java, no I/O beyond reading the file.
 *
 * <pre>{@code
 * BoardConfig uno = BoardConfig.load("uno");        // wakewire.boardConfigs, else a checkout's board-configs/, else the jar
 * uno.signature();  uno.baud();  uno.baudSetting(); // 0x1E950F, 1000000, UBRR 0 normal speed, exact
 * PinInfo d2 = uno.pin("D2");                       // or "d2", "2", pin(2); NoSuchPinException lists the pins
 * d2.can(Capability.EDGE);  d2.interrupt();  d2.dropSource();     // true, INT0, 0
 * uno.pinsOfDropSource(9);                          // A0..A5: the pins a LOST marker of PCINT1 concerns
 * }</pre>
 *
 * <ul>
 *   <li>{@link io.wakewire.board.config.BoardConfig}: {@code load(dir, name)}, {@code load(name)},
 *       {@code parse(fileNameForMessages, text)}; accessors; pin lookup.</li>
 *   <li>{@link io.wakewire.board.config.BoardConfigs}: where configs are, {@code names()}.</li>
 *   <li>{@link io.wakewire.board.config.BoardConfigException}: every problem at once, each as
 *       {@code file:line: key 'k': what is wrong}.</li>
 *   <li>{@link io.wakewire.board.config.PinInfo}, {@link io.wakewire.board.config.Capability},
 *       {@link io.wakewire.board.config.Interrupt} (with its drop source).</li>
 *   <li>{@link io.wakewire.board.config.Mcu}: the facts a config is checked against (signature, pin
 *       count, ADC pins, which pins each interrupt vector serves).</li>
 *   <li>{@link io.wakewire.board.config.UartBaud}: UBRR and U2X as the AVR computes them.</li>
 * </ul>
 */
package io.wakewire.board.config;
