package cn.referral.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;

/**
 * Finds of a document while other clients update it, through the real driver, on a file-backed stand-in whose
 * store also commits all the time (what its background writer does every second under load).
 *
 * <p>mongo-java-server's update changes the document it found in place, and a find answers with the documents
 * it found; on the H2 backend both are the instance the store holds. A reply encoded after the collection's
 * lock was released then met an update of the same instance: a {@code ConcurrentModificationException}
 * (the connection closed, no answer) or a reply mixing two versions; the store's commit, writing the same
 * instance, met it too. Every version written here has {@code a == z}; the history a reader may see is only
 * such versions.
 */
class ConcurrentUpdatesIT {

    private static final int DOCUMENTS = 3;
    private static final int WRITERS = 4;
    private static final int UPDATES_PER_WRITER = 1_500;
    private static final int READERS = 4;
    /** A bound for the readers, who otherwise read until the writers are done. */
    private static final int MAX_READS_PER_READER = 50_000;
    private static final int MAX_COMMITS = 100_000;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void everyReplyIsOneVersionOfTheDocumentAndTheStoreKeepsWorking() throws Exception {
        Path file = dir.resolve("concurrent.mv");
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicBoolean writersDone = new AtomicBoolean();
        LongAdder reads = new LongAdder();
        AtomicInteger[] revisions = new AtomicInteger[DOCUMENTS];

        NarrowingH2Backend backend = new NarrowingH2Backend(file.toString());
        MongoServer server = new MongoServer(backend);
        InetSocketAddress address = server.bind();
        ExecutorService threads = Executors.newFixedThreadPool(WRITERS + READERS + 1);
        try (MongoClient client = MongoClients.create(settings(address))) {
            MongoCollection<Document> decisions = client.getDatabase("standin").getCollection("decisions");
            for (int d = 0; d < DOCUMENTS; d++) {
                revisions[d] = new AtomicInteger();
                decisions.insertOne(new Document("_id", id(d)).append("a", "v0").append("status", "ISSUED")
                        .append("outbox", new ArrayList<>()).append("revision", 0).append("z", "v0"));
            }

            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.add(threads.submit(guarded(failure, () -> {
                    for (int i = 0; i < UPDATES_PER_WRITER && failure.get() == null; i++) {
                        int d = (writer + i) % DOCUMENTS;
                        update(decisions, d, "w" + writer + "-" + i, i % 4, revisions[d]);
                    }
                })));
            }
            List<Future<?>> others = new ArrayList<>();
            for (int r = 0; r < READERS; r++) {
                int reader = r;
                others.add(threads.submit(guarded(failure, () -> {
                    for (int i = 0; i < MAX_READS_PER_READER && !writersDone.get() && failure.get() == null; i++) {
                        read(decisions, (reader + i) % DOCUMENTS, i % 2 == 0);
                        reads.increment();
                    }
                })));
            }
            others.add(threads.submit(guarded(failure, () -> {
                for (int i = 0; i < MAX_COMMITS && !writersDone.get() && failure.get() == null; i++) {
                    backend.commit();
                }
            })));
            for (Future<?> writer : writers) {
                writer.get();
            }
            writersDone.set(true);
            for (Future<?> other : others) {
                other.get();
            }

            assertThat(failure.get()).as("what a client or the store met").isNull();
            assertThat(reads.sum()).as("readers ran while the writers wrote").isPositive();
            assertThat(backend.getMvStore().isClosed()).as("the store is still open").isFalse();
            for (int d = 0; d < DOCUMENTS; d++) {
                Document last = decisions.find(Filters.eq("_id", id(d))).first();
                assertThat(last).isNotNull();
                assertThat(last.getInteger("revision")).as("every findOneAndUpdate counted once")
                        .isEqualTo(revisions[d].get());
            }
        } finally {
            threads.shutdownNow();
            server.shutdownNow();
        }

        NarrowingH2Backend reopened = new NarrowingH2Backend(file.toString());
        MongoServer again = new MongoServer(reopened);
        InetSocketAddress secondAddress = again.bind();
        try (MongoClient client = MongoClients.create(settings(secondAddress))) {
            List<Document> fromTheFile = client.getDatabase("standin").getCollection("decisions").find()
                    .into(new ArrayList<>());
            assertThat(fromTheFile).hasSize(DOCUMENTS).allSatisfy(document -> {
                assertThat(document.getString("a")).isEqualTo(document.getString("z"));
                assertThat(document.getInteger("revision"))
                        .isEqualTo(revisions[indexOf(document)].get());
            });
        } finally {
            again.shutdownNow();
        }
    }

    /**
     * One update of the kinds the services send: a lease set with an outbox entry pushed (fields added), the
     * lease unset with the entry pulled (fields removed), a findOneAndUpdate answering the new version, a guarded
     * update that only applies while an outbox entry exists. Each writes {@code a} and {@code z} together.
     */
    private static void update(MongoCollection<Document> decisions, int d, String version, int kind,
                               AtomicInteger revision) {
        switch (kind) {
            case 0 -> decisions.updateOne(Filters.eq("_id", id(d)), Updates.combine(Updates.set("a", version),
                    Updates.set("outboxLease", new Document("owner", version).append("until", version)),
                    Updates.push("outbox", new Document("eventId", version).append("type", "DecisionIssuedV1")),
                    Updates.set("z", version)));
            case 1 -> decisions.updateOne(Filters.eq("_id", id(d)), Updates.combine(Updates.set("a", version),
                    Updates.unset("outboxLease"), Updates.pull("outbox", new Document("type", "DecisionIssuedV1")),
                    Updates.set("z", version)));
            case 2 -> {
                Document after = decisions.findOneAndUpdate(Filters.eq("_id", id(d)),
                        Updates.combine(Updates.set("a", version), Updates.inc("revision", 1),
                                Updates.set("z", version)),
                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
                revision.incrementAndGet();
                assertThat(after).as("findOneAndUpdate's answer").isNotNull();
                assertThat(after.getString("a")).as("the version this update wrote, in its answer").isEqualTo(version);
                assertThat(after.getString("z")).as("the version this update wrote, in its answer").isEqualTo(version);
            }
            default -> decisions.updateOne(Filters.and(Filters.eq("_id", id(d)), Filters.exists("outbox.0")),
                    Updates.combine(Updates.set("a", version), Updates.set("status", "RELAYED"),
                            Updates.set("z", version)));
        }
    }

    /** A find by id (answered from the index) or of every document (a scan); each answer is one version. */
    private static void read(MongoCollection<Document> decisions, int d, boolean byId) {
        List<Document> found = byId
                ? decisions.find(Filters.eq("_id", id(d))).into(new ArrayList<>())
                : decisions.find(Filters.exists("revision")).into(new ArrayList<>());
        assertThat(found).hasSize(byId ? 1 : DOCUMENTS).allSatisfy(document ->
                assertThat(document.getString("a")).as("a and z of one version").isEqualTo(document.getString("z")));
    }

    private static Runnable guarded(AtomicReference<Throwable> failure, Runnable work) {
        return () -> {
            try {
                work.run();
            } catch (Throwable e) {
                failure.compareAndSet(null, e);
            }
        };
    }

    private static String id(int d) {
        return "d" + d;
    }

    private static int indexOf(Document document) {
        return Integer.parseInt(document.getString("_id").substring(1));
    }

    /** No retries: a reply the stand-in failed to send must show up here, not be hidden by a second attempt. */
    private static MongoClientSettings settings(InetSocketAddress address) {
        return MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(
                        "mongodb://" + address.getHostString() + ":" + address.getPort()))
                .retryReads(false)
                .retryWrites(false)
                .applyToSocketSettings(socket -> socket.readTimeout(60, TimeUnit.SECONDS))
                .build();
    }
}
