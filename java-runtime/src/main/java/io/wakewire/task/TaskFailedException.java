package io.wakewire.task;

/**
 * A joined task ended by throwing; {@link #getCause()} is what it threw. The task's name is in
 * the message so that a failure far from its origin still says where it came from.
 */
public class TaskFailedException extends RuntimeException {

    private final String taskName;

    public TaskFailedException(String taskName, Throwable cause) {
        super("task '" + taskName + "' failed: " + cause, cause);
        this.taskName = taskName;
    }

    public String taskName() {
        return taskName;
    }
}
