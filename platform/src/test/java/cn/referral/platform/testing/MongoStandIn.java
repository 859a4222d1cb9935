package cn.referral.platform.testing;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * A MongoDB of its own for one test context, empty at start: the in-memory stand-in on a random port,
 * or, with {@code -Dit.infrastructure=containers} ({@link ItInfrastructure}), a MongoDB replica set in a
 * container.
 */
public final class MongoStandIn implements AutoCloseable {

    private final String uri;
    private final AutoCloseable stop;
    private final List<MongoClient> clients = new CopyOnWriteArrayList<>();

    private MongoStandIn(String uri, AutoCloseable stop) {
        this.uri = uri;
        this.stop = stop;
    }

    public static MongoStandIn start() {
        if (ItInfrastructure.containers()) {
            ItInfrastructure.Started mongo = ItInfrastructure.mongo();
            return new MongoStandIn(mongo.address(), mongo.stop());
        }
        MongoServer server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        return new MongoStandIn("mongodb://" + address.getHostString() + ":" + address.getPort(), server::shutdownNow);
    }

    public String uri() {
        return uri;
    }

    /** A template on {@code database} of this stand-in, for tests without a Spring context; closed with it. */
    public ReactiveMongoTemplate template(String database) {
        MongoClient client = MongoClients.create(uri());
        clients.add(client);
        return new ReactiveMongoTemplate(client, database);
    }

    @Override
    public void close() {
        clients.forEach(MongoClient::close);
        try {
            stop.close();
        } catch (Exception e) {
            throw new IllegalStateException("could not stop the test MongoDB at " + uri, e);
        }
    }
}
