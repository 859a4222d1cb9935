package cn.referral.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

import cn.referral.platform.testing.MongoStandInDatabase;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * A local view keeps a snapshot only when it is newer than the one held, stores it under its key with its
 * version and fields, removes it on a tombstone, and tells whoever copies the view after each of these.
 */
class MongoLocalViewIT {

    @RegisterExtension
    static final MongoStandInDatabase DATABASE = MongoStandInDatabase.named("local-view-it");

    private final ReactiveMongoTemplate mongo = DATABASE.template();
    private final AtomicInteger changes = new AtomicInteger();
    private final LocalView<Ward, String> wards = new MongoLocalView<>(mongo, "ward_view", id -> "ward-" + id,
            Ward::id, Ward::version, ward -> new Update().set("name", ward.name()),
            () -> Mono.fromRunnable(changes::incrementAndGet));

    record Ward(String id, String name, long version) {
    }

    @Test
    void aNewerSnapshotReplacesTheOneHeldAndAnOlderOrEqualOneIsDropped() {
        StepVerifier.create(wards.keepIfNewer(new Ward("kept", "Cardiology", 2))).expectNext(true).verifyComplete();
        StepVerifier.create(wards.keepIfNewer(new Ward("kept", "Cardiology (reordered)", 1)))
                .expectNext(false).verifyComplete();
        StepVerifier.create(wards.keepIfNewer(new Ward("kept", "Cardiology (redelivered)", 2)))
                .expectNext(false).verifyComplete();
        assertStored("ward-kept", "Cardiology", 2);

        StepVerifier.create(wards.keepIfNewer(new Ward("kept", "Cardiology and Vascular", 3)))
                .expectNext(true).verifyComplete();
        assertStored("ward-kept", "Cardiology and Vascular", 3);
        assertThat(changes).as("told after every snapshot, stale or not").hasValue(4);
    }

    @Test
    void aTombstoneRemovesTheDocumentUnderTheSameKeyAsTheSnapshot() {
        StepVerifier.create(wards.keepIfNewer(new Ward("removed", "Oncology", 1))).expectNext(true).verifyComplete();

        StepVerifier.create(wards.remove("removed")).verifyComplete();

        StepVerifier.create(mongo.findById("ward-removed", Document.class, "ward_view")).verifyComplete();
        assertThat(changes).as("told after the snapshot and after the removal").hasValue(2);
    }

    @Test
    void aViewNobodyListensToIsKeptAllTheSame() {
        LocalView<Ward, String> unobserved = new MongoLocalView<>(mongo, "ward_view", id -> "ward-" + id, Ward::id,
                Ward::version, ward -> new Update().set("name", ward.name()));

        StepVerifier.create(unobserved.keepIfNewer(new Ward("unobserved", "Paediatrics", 1)))
                .expectNext(true).verifyComplete();
        assertStored("ward-unobserved", "Paediatrics", 1);
        StepVerifier.create(unobserved.remove("unobserved")).verifyComplete();
        StepVerifier.create(mongo.findById("ward-unobserved", Document.class, "ward_view")).verifyComplete();
    }

    private void assertStored(String id, String name, long version) {
        StepVerifier.create(mongo.findById(id, Document.class, "ward_view"))
                .assertNext(stored -> assertThat(stored).containsEntry("name", name).containsEntry("version", version))
                .verifyComplete();
    }
}
