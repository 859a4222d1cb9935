package cn.referral.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.context.TestPropertySource;

import cn.referral.platform.events.EventFactory;
import cn.referral.platform.events.OutboxEvent;
import cn.referral.platform.testapp.ItemLedger;
import cn.referral.platform.testapp.PlatformTestApplication;
import cn.referral.platform.testapp.PlatformTestApplication.ItemSnapshotV1;
import cn.referral.platform.testing.ServiceIntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One saga hop, measured: an aggregate write that appends an event to its outbox, the relay,
 * the broker, the consumer's binder and inbox, up to the handler. Writes come at a fixed
 * open-loop rate, half as a new document (insert), half as a {@code $push} onto an existing one
 * (the usual state transition). It prints the latency distribution; the only assertions are that
 * every event reached the handler exactly once (numbers belong to benches, not to assertions).
 * The relay does not poll during the test (once an hour), so every event that arrives proves that
 * its write woke the relay; {@code -Dhop.poll-interval=200ms -Dhop.wake-on-write=false} gives the
 * numbers of polling alone (as before the wake-up), for comparison.
 */
@ServiceIntegrationTest(classes = PlatformTestApplication.class)
@TestPropertySource(locations = PlatformTestApplication.PROPERTIES, properties = {
        "platform.outbox.collections=" + OutboxHopLatencyIT.COLLECTION,
        // no poll during the test: every event must get through because its write woke the relay
        "platform.outbox.poll-interval=${hop.poll-interval:1h}",
        "platform.outbox.wake-on-write=${hop.wake-on-write:true}",
})
class OutboxHopLatencyIT {

    static final String COLLECTION = "hop-items";
    private static final int EVENTS = 100;
    private static final int PER_SECOND = 20;
    private static final Duration WAIT = Duration.ofSeconds(60);

    @org.springframework.data.mongodb.core.mapping.Document(COLLECTION)
    record HopItem(@Id String id, List<OutboxEvent> outbox) {
    }

    @Autowired
    private ReactiveMongoTemplate mongo;
    @Autowired
    private EventFactory events;
    @Autowired
    private ItemLedger ledger;
    @Autowired
    private MeterRegistry meters;

    @Test
    void everyWrittenEventReachesTheHandlerOnceAndTheHopIsTimed() {
        Map<String, Long> writtenAtNanos = new ConcurrentHashMap<>();
        // a first document and event warm up the path (connections, metadata, consumer assignment)
        write(0, writtenAtNanos).block(WAIT);
        await().atMost(WAIT).until(() -> ledger.appliedFor("hop-0").size() == 1);

        Flux.interval(Duration.ofMillis(1000 / PER_SECOND))
                .take(EVENTS)
                .flatMap(i -> write(i.intValue() + 1, writtenAtNanos))
                .blockLast(WAIT);
        await().atMost(WAIT).until(() -> LongStream.rangeClosed(1, EVENTS)
                .allMatch(i -> !ledger.appliedFor("hop-" + i).isEmpty()));

        long[] millis = LongStream.rangeClosed(1, EVENTS)
                .map(i -> {
                    List<ItemLedger.Applied> applied = ledger.appliedFor("hop-" + i);
                    assertThat(applied).as("event %s handled once", i).hasSize(1);
                    return (applied.get(0).appliedAtNanos() - writtenAtNanos.get("hop-" + i)) / 1_000_000;
                })
                .sorted().toArray();
        System.out.printf("outbox hop (write -> handler), %d events at %d/s: p50 %d ms, p90 %d ms, p99 %d ms, "
                + "max %d ms%n", EVENTS, PER_SECOND, percentile(millis, 50), percentile(millis, 90),
                percentile(millis, 99), millis[millis.length - 1]);
        Timer relayed = meters.timer("outbox.delay", "collection", COLLECTION);
        System.out.printf("of which write -> broker acknowledged (outbox.delay): mean %.0f ms, max %.0f ms "
                + "over %d events%n", relayed.mean(TimeUnit.MILLISECONDS), relayed.max(TimeUnit.MILLISECONDS),
                relayed.count());
    }

    /** Even items are created with their event; odd ones exist first and get the event by {@code $push}. */
    private Mono<Void> write(int i, Map<String, Long> writtenAtNanos) {
        String itemId = "hop-" + i;
        Mono<Void> existing = i % 2 == 0 ? Mono.empty()
                : mongo.insert(new HopItem(itemId, List.of())).then();
        return existing.then(events.event(PlatformTestApplication.ITEMS_TOPIC, PlatformTestApplication.ITEM_SNAPSHOT,
                        itemId, new ItemSnapshotV1(itemId, "Item " + itemId, 1)))
                .flatMap(event -> {
                    writtenAtNanos.put(itemId, System.nanoTime());
                    return i % 2 == 0
                            ? mongo.insert(new HopItem(itemId, List.of(event))).then()
                            : mongo.updateFirst(Query.query(Criteria.where("_id").is(itemId)),
                                    OutboxUpdates.append(new Update(), List.of(event)), HopItem.class).then();
                });
    }

    private static long percentile(long[] sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
