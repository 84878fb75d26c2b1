package io.wakewire.task;

import java.util.concurrent.CancellationException;

/**
 * The awaited work was cancelled: thrown when joining a cancelled task, and thrown out of
 * {@code Async.await} inside a body whose task is being cancelled (so that its
 * {@code finally} blocks run). Extends the JDK's {@link CancellationException} so that generic
 * code that already recognises cancellation keeps working.
 */
public class TaskCancelledException extends CancellationException {

    public TaskCancelledException(String message) {
        super(message);
    }
}
