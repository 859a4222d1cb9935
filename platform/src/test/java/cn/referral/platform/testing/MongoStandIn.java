package cn.referral.platform.testing;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/** An in-memory MongoDB stand-in on a random port, for one test context. */
public final class MongoStandIn implements AutoCloseable {

    private final MongoServer server;
    private final InetSocketAddress address;
    private final List<MongoClient> clients = new CopyOnWriteArrayList<>();

    private MongoStandIn() {
        this.server = new MongoServer(new MemoryBackend());
        this.address = server.bind();
    }

    public static MongoStandIn start() {
        return new MongoStandIn();
    }

    public String uri() {
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
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
        server.shutdownNow();
    }
}
