package cn.referral.platform.messaging;

/**
 * Handling an event failed for a reason that passes by itself (the database or broker not
 * reachable, a timeout, a write conflict). The delivery is retried until it succeeds, never
 * dead-lettered: the event is fine, the moment was not ({@link ConsumerRedelivery}).
 */
public class TransientEventFailure extends RuntimeException {

    public TransientEventFailure(String consumer, String eventId, Throwable cause) {
        super("Event " + eventId + " could not be handled by " + consumer + " for now, will retry: " + cause, cause);
    }
}
