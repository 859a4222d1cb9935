package cn.referral.platform.outbox;

import java.util.Collection;

import org.springframework.data.mongodb.core.query.Update;

import cn.referral.platform.events.OutboxEvent;

/**
 * Appends events to an aggregate's outbox inside the same update that changes its state, so
 * the state and its events are written in one atomic single-document operation.
 * Adapters update aggregates with {@code $set} and this {@code $push}; they never replace a
 * whole document, which would drop events the relay has not published yet.
 */
public final class OutboxUpdates {

    private OutboxUpdates() {
    }

    public static Update append(Update update, Collection<OutboxEvent> events) {
        if (!events.isEmpty()) {
            update.push(OutboxFields.OUTBOX).each(events.toArray());
        }
        return update;
    }
}
