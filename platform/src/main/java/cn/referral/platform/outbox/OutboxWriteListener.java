package cn.referral.platform.outbox;

import java.util.ArrayList;
import java.util.List;
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
 * pass it starts sees the events, and it names the written document ({@code _id}) so that the pass
 * claims it by its id instead of searching the collection. Writes by other replicas wake their own relays, and the poll
 * interval catches anything else.
 */
public class OutboxWriteListener implements CommandListener {

    private static final Set<String> WRITES = Set.of("insert", "update", "findAndModify");

    private final OutboxWakeUps wakeUps;
    /** Writes sent but not yet answered, by request id: what to wake on success. */
    private final Map<Integer, Written> inFlight = new ConcurrentHashMap<>();

    /** The collection a write appended events in, and the documents' ids (a null id: not known). */
    record Written(String collection, List<Object> documentIds) {
    }

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
        List<Object> documents = documentsGivenEvents(name, command);
        if (!documents.isEmpty()) {
            inFlight.put(event.getRequestId(), new Written(target.asString().getValue(), documents));
        }
    }

    @Override
    public void commandSucceeded(CommandSucceededEvent event) {
        Written written = inFlight.remove(event.getRequestId());
        if (written != null) {
            written.documentIds().forEach(id -> wakeUps.wake(written.collection(), id));
        }
    }

    @Override
    public void commandFailed(CommandFailedEvent event) {
        inFlight.remove(event.getRequestId());
    }

    static boolean appendsEvents(String commandName, BsonDocument command) {
        return !documentsGivenEvents(commandName, command).isEmpty();
    }

    /**
     * The {@code _id}s of the documents the write gives events: an inserted document's own, an
     * update's or findAndModify's filter's {@code _id} equality; null for one that cannot be named.
     */
    static List<Object> documentsGivenEvents(String commandName, BsonDocument command) {
        List<Object> ids = new ArrayList<>();
        switch (commandName) {
            case "insert" -> {
                if (command.isArray("documents")) {
                    command.getArray("documents").stream()
                            .filter(document -> document.isDocument() && hasEvents(document.asDocument()))
                            .forEach(document -> ids.add(idOf(document.asDocument())));
                }
            }
            case "update" -> {
                if (command.isArray("updates")) {
                    command.getArray("updates").stream()
                            .filter(statement -> statement.isDocument() && addsEvents(statement.asDocument().get("u")))
                            .forEach(statement -> ids.add(idOf(statement.asDocument().get("q"))));
                }
            }
            case "findAndModify" -> {
                if (addsEvents(command.get("update"))) {
                    ids.add(idOf(command.get("query")));
                }
            }
            default -> {
            }
        }
        return ids;
    }

    /** The plain {@code _id} of a document or an equality filter, as the driver would read it; else null. */
    private static Object idOf(BsonValue documentOrFilter) {
        if (documentOrFilter == null || !documentOrFilter.isDocument()) {
            return null;
        }
        BsonValue id = documentOrFilter.asDocument().get("_id");
        if (id == null) {
            return null;
        }
        return switch (id.getBsonType()) {
            case STRING -> id.asString().getValue();
            case OBJECT_ID -> id.asObjectId().getValue();
            case INT64 -> id.asInt64().getValue();
            case INT32 -> id.asInt32().getValue();
            default -> null;
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
