package cn.referral.platform.outbox;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.bson.BsonDocument;
import org.bson.BsonValue;

import com.mongodb.event.CommandFailedEvent;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.event.CommandSucceededEvent;

/**
 * Watches this service's own MongoDB writes and wakes the relay right after one that appended
 * events to an outbox: an {@code insert} of a document with a non-empty {@code outbox}, or an
 * {@code update}/{@code findAndModify} whose update pushes to {@code outbox} or replaces the
 * document with a non-empty one. It sits in the driver, so every write path of every service is
 * covered without the stores having to remember a call; the relay's own claims and pulls never
 * append, so they do not wake it. The wake-up comes when the server confirmed the write, so the
 * pass it starts sees the events. Writes by other replicas wake their own relays, and the poll
 * interval catches anything else.
 */
public class OutboxWriteListener implements CommandListener {

    private static final Set<String> WRITES = Set.of("insert", "update", "findAndModify");

    private final OutboxWakeUps wakeUps;
    /** Writes sent but not yet answered, by request id: the collection to wake on success. */
    private final Map<Integer, String> inFlight = new ConcurrentHashMap<>();

    public OutboxWriteListener(OutboxWakeUps wakeUps) {
        this.wakeUps = wakeUps;
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        String name = event.getCommandName();
        if (!WRITES.contains(name)) {
            return;
        }
        BsonDocument command = event.getCommand();
        BsonValue target = command.get(name);
        if (target == null || !target.isString() || !wakeUps.watches(target.asString().getValue())) {
            return;
        }
        if (appendsEvents(name, command)) {
            inFlight.put(event.getRequestId(), target.asString().getValue());
        }
    }

    @Override
    public void commandSucceeded(CommandSucceededEvent event) {
        String collection = inFlight.remove(event.getRequestId());
        if (collection != null) {
            wakeUps.wake(collection);
        }
    }

    @Override
    public void commandFailed(CommandFailedEvent event) {
        inFlight.remove(event.getRequestId());
    }

    static boolean appendsEvents(String commandName, BsonDocument command) {
        return switch (commandName) {
            case "insert" -> command.isArray("documents") && command.getArray("documents").stream()
                    .anyMatch(document -> document.isDocument() && hasEvents(document.asDocument()));
            case "update" -> command.isArray("updates") && command.getArray("updates").stream()
                    .anyMatch(statement -> statement.isDocument() && addsEvents(statement.asDocument().get("u")));
            case "findAndModify" -> addsEvents(command.get("update"));
            default -> false;
        };
    }

    /** A {@code $push} to the outbox, or a replacement document that carries events. */
    private static boolean addsEvents(BsonValue update) {
        if (update == null || !update.isDocument()) {
            return false;
        }
        BsonDocument document = update.asDocument();
        return document.isDocument("$push") && document.getDocument("$push").containsKey(OutboxFields.OUTBOX)
                || hasEvents(document);
    }

    private static boolean hasEvents(BsonDocument document) {
        return document.isArray(OutboxFields.OUTBOX) && !document.getArray(OutboxFields.OUTBOX).isEmpty();
    }
}
