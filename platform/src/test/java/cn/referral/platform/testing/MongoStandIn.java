package cn.referral.platform.testing;

import java.net.InetSocketAddress;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/** An in-memory MongoDB stand-in on a random port, for one test context. */
public final class MongoStandIn implements AutoCloseable {

    private final MongoServer server;
    private final InetSocketAddress address;

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

    @Override
    public void close() {
        server.shutdownNow();
    }
}
