package io.wakewire.task;

/** The winner of {@link Futures#select}: which future (its index in the list) and its value. */
public record Selected<T>(int index, T value) {
}
