package cn.referral.referral.adapter.out.persistence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import cn.referral.platform.mongo.Upserts;
import cn.referral.referral.domain.network.Catalog;
import reactor.core.publisher.Mono;

/**
 * This instance's copy of {@code catalog_view}, so a submission reads one small document by {@code _id}
 * instead of every catalog with all its entries (issue #14: the whole view was read on every submission).
 * <p>
 * Every change of the view, by whichever replica's consumer made it, counts up the view's revision
 * ({@code view_revisions}, {@code _id} = the view's collection) <em>after</em> the change is stored. A
 * submission reads that revision first and reads the whole view again only when it differs from the
 * revision its copy was read at; the copy therefore holds every change whose count-up came before the
 * submission's read, on any replica (the consumer group hands a catalog event to one instance only, so
 * a copy fed by the consumer alone would be wrong with two). A submission meeting a change whose
 * count-up is still on its way sees the view as it was a few milliseconds earlier, as if the event had
 * arrived that much later. A redelivered or stale snapshot counts up too (a crash between the change
 * and its count-up is repaired by the redelivery); that costs one extra read, never a wrong answer. A
 * copy older than {@link #AT_MOST} is read again whatever the revision says: the bound for a change
 * written without a count-up (a replica of a version before this one during a rolling upgrade).
 */
final class CatalogViewCopy {

    static final String REVISIONS = "view_revisions";
    static final Duration AT_MOST = Duration.ofMinutes(1);
    private static final String REVISION = "revision";

    private final ReactiveMongoTemplate mongo;
    private final String view;
    private final Supplier<Mono<List<Catalog>>> readWholeView;
    private final Clock clock;
    private final AtomicReference<Copy> held = new AtomicReference<>();

    CatalogViewCopy(ReactiveMongoTemplate mongo, String view, Supplier<Mono<List<Catalog>>> readWholeView,
                    Clock clock) {
        this.mongo = mongo;
        this.view = view;
        this.readWholeView = readWholeView;
        this.clock = clock;
    }

    /** The catalogs as of the view's current revision: the copy, or the view read again if it changed. */
    Mono<List<Catalog>> catalogs() {
        return revision().flatMap(revision -> {
            Instant now = clock.instant();
            Copy copy = held.get();
            if (copy != null && copy.serves(revision, now)) {
                return copy.catalogs();
            }
            Copy fresh = new Copy(revision, now, readWholeView.get()
                    // kept while the revision holds; a failed read is not kept, the next submission reads again
                    .cache(read -> Duration.ofMillis(Long.MAX_VALUE), failed -> Duration.ZERO, () -> Duration.ZERO));
            Copy kept = held.updateAndGet(current -> current != null
                    && (current.revision() > revision || current.serves(revision, now)) ? current : fresh);
            return (kept.serves(revision, now) ? kept : fresh).catalogs();
        });
    }

    /** Counts the view's revision up; call after every change of the view is stored (or found stale). */
    Mono<Void> changed() {
        Query ofView = new Query(Criteria.where("_id").is(view));
        Update countUp = new Update().inc(REVISION, 1L);
        // two first count-ups at once: one inserts, the other finds it the second time
        return Upserts.upsertRetryingALostInsert(mongo, ofView, countUp, REVISIONS).then();
    }

    private Mono<Long> revision() {
        return mongo.findById(view, Document.class, REVISIONS)
                .map(counted -> ((Number) counted.get(REVISION)).longValue())
                .defaultIfEmpty(0L);
    }

    private record Copy(long revision, Instant readAt, Mono<List<Catalog>> catalogs) {

        boolean serves(long wanted, Instant now) {
            Duration age = Duration.between(readAt, now);
            return revision == wanted && !age.isNegative() && age.compareTo(AT_MOST) <= 0;
        }
    }
}
