package cn.referral.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;

import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * The stand-in answers a query that names an index's fields and more ({@code {_id, claim}}) from that
 * index, and its answers are those of a scan: the guarded compare-and-sets the services send.
 */
class NarrowingH2BackendTest {

    @TempDir
    Path dir;

    @Test
    void aGuardedUpdateByIdChangesTheDocumentOnlyWhileItsGuardHolds() {
        withCollection(dir.resolve("a.mv"), inbox -> {
            inbox.insertMany(List.of(new Document("_id", "c:1").append("claim", "x").append("status", "PROCESSING"),
                    new Document("_id", "c:2").append("claim", "y").append("status", "PROCESSING")));

            long stale = inbox.updateOne(Filters.and(Filters.eq("_id", "c:1"), Filters.eq("claim", "y")),
                    Updates.set("status", "DONE")).getModifiedCount();
            long ours = inbox.updateOne(Filters.and(Filters.eq("_id", "c:1"), Filters.eq("claim", "x")),
                    Updates.set("status", "DONE")).getModifiedCount();

            assertThat(stale).isZero();
            assertThat(ours).isEqualTo(1);
            assertThat(lastBackend.scansSoFar().keySet()).as("answered from the _id index, no scan")
                    .noneMatch(shape -> shape.startsWith("things {$and"));
            assertThat(inbox.find(Filters.eq("status", "DONE")).map(d -> d.getString("_id")).into(new ArrayList<>()))
                    .containsExactly("c:1");
        });
    }

    @Test
    void aCompareAndSetOnRevisionFindsTheDocumentAndMissesAStaleRevision() {
        withCollection(dir.resolve("b.mv"), pools -> {
            pools.insertOne(new Document("_id", "p1").append("revision", 7).append("held", 1));

            Document stale = pools.findOneAndUpdate(Filters.and(Filters.eq("_id", "p1"), Filters.eq("revision", 6)),
                    Updates.combine(Updates.inc("held", 1), Updates.inc("revision", 1)));
            Document current = pools.findOneAndUpdate(Filters.and(Filters.eq("_id", "p1"), Filters.eq("revision", 7),
                            Filters.lt("held", 2)), Updates.combine(Updates.inc("held", 1), Updates.inc("revision", 1)),
                    new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));

            assertThat(stale).isNull();
            assertThat(current).isNotNull();
            assertThat(current.getInteger("held")).isEqualTo(2);
            assertThat(current.getInteger("revision")).isEqualTo(8);
        });
    }

    @Test
    void aCompoundUniqueIndexAnswersAQueryThatNamesItsFieldsAndMore() {
        withCollection(dir.resolve("c.mv"), holds -> {
            holds.createIndex(Indexes.ascending("poolId", "referralId"), new IndexOptions().unique(true));
            holds.insertMany(List.of(new Document("_id", 1).append("poolId", "p1").append("referralId", "r1")
                            .append("state", "HELD"),
                    new Document("_id", 2).append("poolId", "p1").append("referralId", "r2").append("state", "RELEASED")));

            assertThat(holds.countDocuments(Filters.and(Filters.eq("poolId", "p1"), Filters.eq("referralId", "r2"),
                    Filters.eq("state", "RELEASED")))).isEqualTo(1);
            assertThat(holds.countDocuments(Filters.and(Filters.eq("poolId", "p1"), Filters.eq("referralId", "r2"),
                    Filters.eq("state", "HELD")))).isZero();
        });
    }

    @Test
    void aQueryWithEqualitiesOnTheLeadingFieldsOfACompoundIndexAndARangeFindsWhatAScanFinds() {
        withCollection(dir.resolve("f.mv"), pools -> {
            pools.createIndex(Indexes.ascending("institutionId", "department", "resource", "date", "session"),
                    new IndexOptions().unique(true));
            List<Document> all = new ArrayList<>();
            for (String institution : List.of("h1", "h2")) {
                for (String department : List.of("皮肤科", "心内科")) {
                    for (int day = 24; day <= 30; day++) {
                        all.add(new Document("_id", institution + department + day).append("institutionId", institution)
                                .append("department", department).append("resource", "EXPERT")
                                .append("date", "2026-11-" + day).append("session", "AM").append("held", day % 3));
                    }
                }
            }
            all.add(new Document("_id", "no-department").append("institutionId", "h1").append("resource", "EXPERT")
                    .append("date", "2026-11-26").append("session", "PM"));
            pools.insertMany(all);

            List<String> window = pools.find(Filters.and(Filters.eq("institutionId", "h1"),
                            Filters.eq("department", "皮肤科"), Filters.eq("resource", "EXPERT"),
                            Filters.gte("date", "2026-11-26"), Filters.lte("date", "2026-11-28")))
                    .map(d -> d.getString("_id")).into(new ArrayList<>());
            List<String> firstFieldOnly = pools.find(Filters.and(Filters.eq("institutionId", "h2"),
                    Filters.lt("held", 1))).map(d -> d.getString("_id")).into(new ArrayList<>());

            assertThat(window).containsExactlyInAnyOrder("h1皮肤科26", "h1皮肤科27", "h1皮肤科28");
            assertThat(lastBackend.scansSoFar().keySet()).as("answered from the index, no scan")
                    .noneMatch(shape -> shape.startsWith("things "));
            assertThat(firstFieldOnly).containsExactlyInAnyOrder("h2皮肤科24", "h2皮肤科27", "h2皮肤科30",
                    "h2心内科24", "h2心内科27", "h2心内科30");
        });
    }

    @Test
    void operatorsOnTheIdAndUpsertsBehaveAsBefore() {
        withCollection(dir.resolve("d.mv"), views -> {
            views.insertMany(List.of(new Document("_id", "a").append("v", 1), new Document("_id", "b").append("v", 2)));

            long inList = views.countDocuments(Filters.and(Filters.in("_id", "a", "b"), Filters.gt("v", 1)));
            views.updateOne(Filters.and(Filters.eq("_id", "c"), Filters.eq("v", 3)), Updates.set("w", true),
                    new UpdateOptions().upsert(true));

            assertThat(inList).isEqualTo(1);
            Document upserted = views.find(Filters.eq("_id", "c")).first();
            assertThat(upserted).isNotNull();
            assertThat(upserted.getInteger("v")).isEqualTo(3);
            assertThat(upserted.getBoolean("w")).isTrue();
        });
    }

    @Test
    void collectionsReopenedFromTheFileAreNarrowedToo() {
        Path file = dir.resolve("e.mv");
        withCollection(file, outbox -> outbox.insertOne(new Document("_id", "r1").append("lease", "relay-1")));

        withCollection(file, outbox -> {
            assertThat(outbox.countDocuments(Filters.and(Filters.eq("_id", "r1"), Filters.eq("lease", "relay-1"))))
                    .isEqualTo(1);
            assertThat(outbox.countDocuments(Filters.and(Filters.eq("_id", "r1"), Filters.eq("lease", "relay-2"))))
                    .isZero();
        });
    }

    @Test
    void aUniqueIndexFindsEveryKeyAndRefusesEveryDuplicateAsMongoDbDoes() {
        withCollection(dir.resolve("g.mv"), things -> {
            things.createIndex(Indexes.ascending("poolId", "day"), new IndexOptions().unique(true));
            List<Document> documents = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                Object id = i % 3 == 0 ? "t-" + i : i % 3 == 1 ? (Object) i : (Object) (i * 1_000_000_007L);
                documents.add(new Document("_id", id).append("poolId", "p" + (i % 7)).append("day", i));
            }
            things.insertMany(documents);

            for (Document document : documents) {
                assertThat(things.countDocuments(Filters.eq("_id", document.get("_id")))).isEqualTo(1);
            }
            assertThat(duplicateKey(() -> things.insertOne(new Document("_id", "t-3").append("day", -1))))
                    .as("same _id").isTrue();
            assertThat(duplicateKey(() -> things.insertOne(new Document("_id", 4.0).append("day", -2))))
                    .as("4.0 is the _id 4, as in MongoDB").isTrue();
            assertThat(duplicateKey(() -> things.insertOne(new Document("_id", "new").append("poolId", "p5")
                    .append("day", 5)))).as("same (poolId, day)").isTrue();
            assertThat(duplicateKey(() -> things.insertOne(new Document("_id", "new").append("poolId", "p5")
                    .append("day", 6)))).as("a new (poolId, day)").isFalse();
        });
    }

    @Test
    void indexesKeptByAnEarlierStandInAreRebuiltInValueOrder() {
        Path file = dir.resolve("h.mv");
        serve(new H2Backend(file.toString()), things -> {
            things.createIndex(Indexes.ascending("referralId"), new IndexOptions().unique(true));
            things.insertMany(List.of(new Document("_id", "a").append("referralId", "r1"),
                    new Document("_id", "b").append("referralId", "r2")));
        });

        withCollection(file, things -> {
            assertThat(things.countDocuments(Filters.eq("_id", "b"))).isEqualTo(1);
            assertThat(duplicateKey(() -> things.insertOne(new Document("_id", "a")))).isTrue();
            assertThat(duplicateKey(() -> things.insertOne(new Document("_id", "c").append("referralId", "r2"))))
                    .isTrue();
            assertThat(duplicateKey(() -> things.insertOne(new Document("_id", "c").append("referralId", "r3"))))
                    .isFalse();
        });
        withCollection(file, things -> {
            assertThat(things.countDocuments(Filters.eq("referralId", "r3"))).isEqualTo(1);
            assertThat(lastBackend.getMvStore().getMapNames()).filteredOn(name -> name.contains("._index_"))
                    .as("only value-ordered indexes are left").isNotEmpty().allMatch(name -> name.endsWith(".by-value"));
        });
    }

    @Test
    void documentsComeBackFromTheFileWithEveryBsonTypeTheServicesUse() {
        Path file = dir.resolve("i.mv");
        Document written = new Document("_id", new ObjectId()).append("text", "皮肤科 dermatology")
                .append("int", 7).append("long", 1L << 40).append("double", -0.5).append("yes", true)
                .append("at", new Date(1_764_000_000_000L)).append("none", null)
                .append("amount", new Decimal128(new BigDecimal("12.34")))
                .append("bytes", new Binary(new byte[] {1, 2, 3}))
                .append("list", List.of("a", 2, new Document("k", "v")))
                .append("nested", new Document("deeper", new Document("n", 1)));
        withCollection(file, things -> things.insertOne(written));

        withCollection(file, things -> {
            Document read = things.find(Filters.eq("_id", written.get("_id"))).first();
            assertThat(read).isEqualTo(written);
            assertThat(lastBackend.getMvStore().openMap("databases.standin.things").getValueType())
                    .isInstanceOf(StandInDocumentType.class);
            things.updateOne(Filters.eq("_id", written.get("_id")), Updates.inc("int", 1));
        });
        withCollection(file, things -> assertThat(things.find().first().getInteger("int")).isEqualTo(8));
    }

    @Test
    void documentsWrittenByAnEarlierStandInAreStillRead() {
        Path file = dir.resolve("j.mv");
        serve(new H2Backend(file.toString()), things -> things.insertMany(List.of(
                new Document("_id", "old").append("n", 1).append("at", new Date(0)))));

        withCollection(file, things -> {
            things.insertOne(new Document("_id", "new").append("n", 2));
            things.updateOne(Filters.eq("_id", "old"), Updates.set("touched", true));
        });
        withCollection(file, things -> {
            assertThat(things.find(Filters.eq("_id", "old")).first())
                    .isEqualTo(new Document("_id", "old").append("n", 1).append("at", new Date(0)).append("touched", true));
            assertThat(things.find(Filters.eq("_id", "new")).first().getInteger("n")).isEqualTo(2);
        });
    }

    private static boolean duplicateKey(Runnable write) {
        try {
            write.run();
            return false;
        } catch (MongoWriteException e) {
            assertThat(e.getError().getCode()).isEqualTo(11000);
            return true;
        }
    }

    private NarrowingH2Backend lastBackend;

    private void withCollection(Path file, Consumer<MongoCollection<Document>> test) {
        NarrowingH2Backend backend = new NarrowingH2Backend(file.toString());
        lastBackend = backend;
        serve(backend, test);
    }

    /** Serves {@code backend} (ours, or the plain one an earlier stand-in used) for the time of {@code test}. */
    private static void serve(H2Backend backend, Consumer<MongoCollection<Document>> test) {
        MongoServer server = new MongoServer(backend);
        InetSocketAddress address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort())) {
            test.accept(client.getDatabase("standin").getCollection("things"));
        } finally {
            server.shutdownNow();
        }
    }
}
