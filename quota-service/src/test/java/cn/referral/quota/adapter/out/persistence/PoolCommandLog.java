package cn.referral.quota.adapter.out.persistence;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.bson.BsonDocument;
import org.bson.BsonValue;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;

/**
 * What a test's client asks of the pools collection, watched with a driver command listener: each command's
 * name and the fields of its filter, in the order they were sent.
 */
final class PoolCommandLog implements CommandListener {

    private record Sent(String command, List<String> filterFields) {
    }

    private final List<Sent> sent = new CopyOnWriteArrayList<>();

    /** A client of the database at {@code uri} whose commands to the pools collection this log records. */
    MongoClient clientOf(String uri) {
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri)).addCommandListener(this).build());
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        BsonDocument command = event.getCommand();
        BsonValue target = command.get(event.getCommandName());
        if (target != null && target.isString() && PoolDocument.COLLECTION.equals(target.asString().getValue())) {
            // the command's buffer is released after this call: keep a copy of the filter's fields
            sent.add(new Sent(event.getCommandName(),
                    List.copyOf(command.getDocument("filter", new BsonDocument()).keySet())));
        }
    }

    /** Forgets what was sent so far: what follows is the part of a test that is watched. */
    void clear() {
        sent.clear();
    }

    /** The commands sent, by name ({@code find}, {@code insert}, …). */
    List<String> commands() {
        return sent.stream().map(Sent::command).toList();
    }

    /** The fields of each {@code find} filter sent. */
    List<List<String>> findFilters() {
        return sent.stream().filter(each -> "find".equals(each.command())).map(Sent::filterFields).toList();
    }
}
