package cn.referral.platform.testing;

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
 * What a test's Mongo client asks of the database, watched with a driver command listener: each command's name,
 * the collection it names and the fields of its filter, in the order they were sent. Register it on a client of
 * its own ({@link #clientOf}) or on the service's client (a {@code MongoClientSettingsBuilderCustomizer} that adds
 * it), and ask what one collection was sent.
 */
public final class MongoCommandLog implements CommandListener {

    private record Sent(String command, String collection, List<String> filterFields) {
    }

    private final List<Sent> sent = new CopyOnWriteArrayList<>();

    /** A client of the database at {@code uri} whose commands this log records. */
    public MongoClient clientOf(String uri) {
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri)).addCommandListener(this).build());
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        BsonDocument command = event.getCommand();
        BsonValue target = command.get(event.getCommandName());
        if (target != null && target.isString()) {
            // the command's buffer is released after this call: keep a copy of the filter's fields
            sent.add(new Sent(event.getCommandName(), target.asString().getValue(),
                    List.copyOf(command.getDocument("filter", new BsonDocument()).keySet())));
        }
    }

    /** Forgets what was sent so far: what follows is the part of a test that is watched. */
    public void clear() {
        sent.clear();
    }

    /** The commands sent to {@code collection}, by name ({@code find}, {@code insert}, …). */
    public List<String> commands(String collection) {
        return sent.stream().filter(each -> each.collection().equals(collection)).map(Sent::command).toList();
    }

    /** The fields of each {@code find} filter sent to {@code collection}. */
    public List<List<String>> findFilters(String collection) {
        return sent.stream().filter(each -> each.collection().equals(collection) && "find".equals(each.command()))
                .map(Sent::filterFields).toList();
    }
}
