package cn.referral.platform.inbox;

/**
 * Another delivery of the same event is being handled right now (or died while handling it and
 * its lease has not run out yet). The delivery must not be acknowledged as done: the binder
 * retries it, and dead-letters it if the other delivery never finishes.
 */
public class EventInProgressException extends RuntimeException {

    public EventInProgressException(String consumer, String eventId) {
        super("Event " + eventId + " is being handled by another delivery to " + consumer + "; retry later");
    }
}
