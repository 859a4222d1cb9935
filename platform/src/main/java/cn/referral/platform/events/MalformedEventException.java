package cn.referral.platform.events;

/** A consumed record that cannot be an event of ours: retried, then dead-lettered. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
