package io.wakewire.task;

/** Placeholder so the skeleton compiles; the executor issue replaces it. */
public final class Executor {
}
