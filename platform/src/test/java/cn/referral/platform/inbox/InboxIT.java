package cn.referral.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import cn.referral.platform.events.IncomingEvent;
import cn.referral.platform.events.Traceparent;
import cn.referral.platform.inbox.Inbox.Outcome;
import cn.referral.platform.testing.MongoStandIn;
import cn.referral.platform.testing.MutableClock;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

class InboxIT {

    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final Duration RETENTION = Duration.ofDays(30);
    private static final Duration WAIT = Duration.ofSeconds(10);
    /** Two hosts of the consumer: an instance's claims name its host and its run. */
    private static final String HOST = "quota-service-host-8083";
    private static final String OTHER_HOST = "quota-service-host-8093";

    private static MongoStandIn standIn;
    private static ReactiveMongoTemplate mongo;

    private final MutableClock clock = MutableClock.at("2026-11-24T08:00:00Z");
    private final AtomicInteger effects = new AtomicInteger();
    private Inbox inbox;

    @BeforeAll
    static void startMongo() {
        standIn = MongoStandIn.start();
        mongo = standIn.template("inbox-it");
    }

    @AfterAll
    static void stopMongo() {
        standIn.close();
    }

    @BeforeEach
    void emptyInbox() {
        mongo.remove(new Query(), "inbox").block(WAIT);
        inbox = new Inbox(mongo, properties(), clock);
    }

    private static InboxProperties properties() {
        return new InboxProperties("inbox", LEASE, RETENTION, Duration.ofHours(1));
    }

    @Test
    void aFirstDeliveryIsProcessedAndItsEffectRunsOnce() {
        Outcome outcome = deliver("quota", anEvent());

        assertThat(outcome).isEqualTo(Outcome.PROCESSED);
        assertThat(effects).hasValue(1);
    }

    @Test
    void aRedeliveryOfTheSameEventIsADuplicateAndHasNoEffect() {
        IncomingEvent event = anEvent();
        deliver("quota", event);

        Outcome again = deliver("quota", event);

        assertThat(again).isEqualTo(Outcome.DUPLICATE);
        assertThat(effects).hasValue(1);
    }

    @Test
    void aFailedEffectFailsTheDeliveryAndTheRetryRunsItAgain() {
        IncomingEvent event = anEvent();
        Mono<Object> failing = Mono.error(new IllegalStateException("pool document locked"));

        assertThatThrownBy(() -> inbox.handleOnce("quota", event, failing).block(WAIT))
                .hasMessageContaining("pool document locked");
        Outcome retry = deliver("quota", event);

        assertThat(retry).isEqualTo(Outcome.PROCESSED);
        assertThat(effects).hasValue(1);
    }

    @Test
    void aDeliveryThatTimesOutDoesNotBlockItsRetry() {
        IncomingEvent event = anEvent();

        assertThatThrownBy(() -> inbox.handleOnce("quota", event, Mono.never()).block(Duration.ofMillis(300)))
                .hasMessageContaining("Timeout");
        Outcome retry = retryUntilNotInProgress(() -> deliver("quota", event));

        assertThat(retry).isEqualTo(Outcome.PROCESSED);
        assertThat(effects).hasValue(1);
    }

    @Test
    void anEventStillBeingProcessedElsewhereIsNeitherRunNorAcknowledged() throws InterruptedException {
        IncomingEvent event = anEvent();
        whileHanging(inbox, event, () -> {
            assertThatThrownBy(() -> deliver("quota", event))
                    .isInstanceOf(EventInProgressException.class);
            assertThat(effects).hasValue(0);
        });
    }

    @Test
    void anAbandonedDeliveryIsTakenOverOnceItsLeaseHasRunOut() throws InterruptedException {
        IncomingEvent event = anEvent();
        whileHanging(inbox, event, () -> {
            clock.advance(LEASE.plusSeconds(1));

            assertTakenOverOnce(inbox, event);
        });
    }

    @Test
    void aClaimLeftByAnEarlierRunOfThisInstanceIsTakenOverAtOnce() throws InterruptedException {
        IncomingEvent event = anEvent();
        Inbox crashedRun = instanceOn(HOST);
        whileHanging(crashedRun, event, () -> {
            Inbox restarted = instanceOn(HOST);

            assertTakenOverOnce(restarted, event);
        });
    }

    @Test
    void aClaimOfAnotherInstanceOrOfThisRunStillWaitsForItsLease() throws InterruptedException {
        IncomingEvent event = anEvent();
        Inbox running = instanceOn(HOST);
        whileHanging(running, event, () -> {
            Inbox otherInstance = instanceOn(OTHER_HOST);

            assertThatThrownBy(() -> deliver(otherInstance, "quota", event))
                    .isInstanceOf(EventInProgressException.class);
            assertThatThrownBy(() -> deliver(running, "quota", event))
                    .isInstanceOf(EventInProgressException.class);
            assertThat(effects).hasValue(0);

            clock.advance(LEASE.plusSeconds(1));
            assertThat(deliver(otherInstance, "quota", event))
                    .isEqualTo(Outcome.PROCESSED);
            assertThat(effects).hasValue(1);
        });
    }

    @Test
    void aClaimMadeBeforeThisInstanceWasGivenThePartitionIsTakenOverAtOnce() throws InterruptedException {
        IncomingEvent event = anEvent();
        afterAReplicaHandlingItCrashed(event, (survivor, survivorGotThePartition) -> {
            Outcome takeover = survivor.handleOnce("quota", event, survivorGotThePartition, countEffect()).block(WAIT);
            Outcome later = survivor.handleOnce("quota", event, survivorGotThePartition, countEffect()).block(WAIT);

            assertThat(takeover).isEqualTo(Outcome.PROCESSED);
            assertThat(later).isEqualTo(Outcome.DUPLICATE);
            assertThat(effects).hasValue(1);
        });
    }

    @Test
    void anEffectKnowsWhenItsDeliveryTookTheEventOverFromAnAbandonedOne() throws InterruptedException {
        IncomingEvent event = anEvent();
        Mono<Optional<Instant>> takenOverAt = Mono.deferContextual(context -> Mono.just(Inbox.takenOverAt(context)));
        assertThat(inbox.handleOnce("first-delivery", event, takenOverAt.doOnNext(seen -> assertThat(seen).isEmpty())
                .then(countEffect())).block(WAIT)).isEqualTo(Outcome.PROCESSED);

        afterAReplicaHandlingItCrashed(event, (survivor, survivorGotThePartition) -> {
            List<Optional<Instant>> seen = new ArrayList<>();

            assertThat(survivor.handleOnce("quota", event, survivorGotThePartition,
                    takenOverAt.doOnNext(seen::add)).block(WAIT)).isEqualTo(Outcome.PROCESSED);

            assertThat(seen).containsExactly(Optional.of(survivorGotThePartition));
        });
        assertThat(effects).as("the first delivery's effect ran; the taken-over one only read its context").hasValue(1);
    }

    @Test
    void aClaimMadeAfterThisInstanceWasGivenThePartitionStillWaitsForItsLease() throws InterruptedException {
        IncomingEvent event = anEvent();
        Instant thisInstanceGotThePartition = clock.instant();
        clock.advance(Duration.ofSeconds(1));
        Inbox otherInstance = instanceOn(HOST);
        whileHanging(otherInstance, event, () -> {
            Inbox thisInstance = instanceOn(OTHER_HOST);

            assertThatThrownBy(() -> thisInstance.handleOnce("quota", event, thisInstanceGotThePartition,
                    countEffect()).block(WAIT)).isInstanceOf(EventInProgressException.class);
            assertThat(effects).hasValue(0);
        });
    }

    @Test
    void whenTheEffectRanButMarkingItDoneFailedTheRetryDoesNotRunItAgain() {
        AtomicInteger marks = new AtomicInteger();
        Inbox flakyMarks = new Inbox(mongo, properties(), clock) {
            @Override
            protected Mono<Void> markDone(String recordId, String claim) {
                return marks.incrementAndGet() == 1
                        ? Mono.error(new IllegalStateException("connection reset while marking done"))
                        : super.markDone(recordId, claim);
            }
        };
        IncomingEvent event = anEvent();

        assertThatThrownBy(() -> deliver(flakyMarks, "quota", event))
                .hasMessageContaining("connection reset");
        Outcome retry = deliver(flakyMarks, "quota", event);
        Outcome later = deliver(flakyMarks, "quota", event);

        assertThat(effects).hasValue(1);
        assertThat(retry).isEqualTo(Outcome.PROCESSED);
        assertThat(later).isEqualTo(Outcome.DUPLICATE);
    }

    @Test
    void eachConsumerHandlesTheSameEventOnce() {
        IncomingEvent event = anEvent();

        Outcome quota = deliver("quota", event);
        Outcome billing = deliver("billing", event);
        Outcome billingAgain = deliver("billing", event);

        assertThat(List.of(quota, billing, billingAgain))
                .containsExactly(Outcome.PROCESSED, Outcome.PROCESSED, Outcome.DUPLICATE);
        assertThat(effects).hasValue(2);
    }

    @Test
    void concurrentDeliveriesOfOneEventRunItsEffectExactlyOnce() throws Exception {
        IncomingEvent event = anEvent();
        int deliveries = 16;
        ExecutorService threads = Executors.newFixedThreadPool(deliveries);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Object>> results = new ArrayList<>();
            for (int i = 0; i < deliveries; i++) {
                results.add(threads.submit((Callable<Object>) () -> {
                    start.await();
                    try {
                        // a slow effect keeps the other deliveries racing against an unfinished one
                        return inbox.handleOnce("quota", event,
                                Mono.delay(Duration.ofMillis(100)).then(countEffect()))
                                // 16 claims queue on the stand-in's collection lock. (The two 30 s time-outs seen
                                // here were a parallel thread BlockHound had broken, see NoBlockingOnEventLoops.)
                                .block(Duration.ofSeconds(30));
                    } catch (EventInProgressException inProgress) {
                        return inProgress;
                    }
                }));
            }
            start.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> result : results) {
                outcomes.add(result.get(30, TimeUnit.SECONDS));
            }

            assertThat(effects).hasValue(1);
            assertThat(outcomes).filteredOn(Outcome.PROCESSED::equals).hasSize(1);
            assertThat(outcomes).allMatch(o -> o == Outcome.PROCESSED || o == Outcome.DUPLICATE
                    || o instanceof EventInProgressException);
            assertThat(deliver("quota", event)).isEqualTo(Outcome.DUPLICATE);
            assertThat(effects).hasValue(1);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void purgingForgetsOnlyFinishedEventsOlderThanTheRetention() throws InterruptedException {
        IncomingEvent old = anEvent();
        deliver("quota", old);
        clock.advance(RETENTION.plusDays(1));
        IncomingEvent recent = anEvent();
        deliver("quota", recent);
        IncomingEvent unfinished = anEvent();
        whileHanging(inbox, unfinished, () -> {
            clock.advance(Duration.ofHours(1));

            Long purged = inbox.purgeFinished().block(WAIT);

            assertThat(purged).isEqualTo(1);
            assertThat(mongo.count(new Query(), "inbox").block(WAIT))
                    .isEqualTo(2);
            assertThat(deliver("quota", recent)).isEqualTo(Outcome.DUPLICATE);
            assertThat(deliver("quota", old))
                    .as("past the retention an event is no longer recognised")
                    .isEqualTo(Outcome.PROCESSED);
        });
    }

    /** {@code by} takes the abandoned claim over and runs the effect; a redelivery after that is a duplicate. */
    private void assertTakenOverOnce(Inbox by, IncomingEvent event) {
        Outcome takeover = deliver(by, "quota", event);
        Outcome later = deliver(by, "quota", event);

        assertThat(takeover).isEqualTo(Outcome.PROCESSED);
        assertThat(later).isEqualTo(Outcome.DUPLICATE);
        assertThat(effects).hasValue(1);
    }

    /**
     * Runs {@code body} while {@code handler} is handling {@code event} with an effect that never finishes, as a
     * consumer that hung or died; that handling is given up afterwards.
     */
    private void whileHanging(Inbox handler, IncomingEvent event, Runnable body) throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        Disposable handling = handler.handleOnce("quota", event,
                Mono.fromRunnable(started::countDown).then(Mono.never())).subscribe();
        try {
            assertThat(started.await(WAIT.toSeconds(), TimeUnit.SECONDS)).as("handling started").isTrue();
            body.run();
        } finally {
            handling.dispose();
        }
    }

    /**
     * Runs {@code body} with a survivor on another host, given the partition 10 s after a replica on {@code HOST}
     * claimed {@code event} and hung (as one that crashed), and the instant it got the partition.
     */
    private void afterAReplicaHandlingItCrashed(IncomingEvent event, BiConsumer<Inbox, Instant> body)
            throws InterruptedException {
        whileHanging(instanceOn(HOST), event, () -> {
            clock.advance(Duration.ofSeconds(10));
            body.accept(instanceOn(OTHER_HOST), clock.instant());
        });
    }

    private Inbox instanceOn(String host) {
        return new Inbox(mongo, properties(), clock, host);
    }

    /** Delivers the event to {@code consumer} with an effect that counts its runs, and waits for the outcome. */
    private Outcome deliver(String consumer, IncomingEvent event) {
        return deliver(inbox, consumer, event);
    }

    private Outcome deliver(Inbox to, String consumer, IncomingEvent event) {
        return to.handleOnce(consumer, event, countEffect()).block(WAIT);
    }

    private Mono<Object> countEffect() {
        return Mono.fromRunnable(effects::incrementAndGet);
    }

    /** The release after a cancelled delivery is asynchronous; a retry meanwhile sees it in progress. */
    private static Outcome retryUntilNotInProgress(Callable<Outcome> delivery) {
        return org.awaitility.Awaitility.await().atMost(WAIT).ignoreException(EventInProgressException.class)
                .until(delivery, outcome -> outcome != null);
    }

    private static IncomingEvent anEvent() {
        String id = UUID.randomUUID().toString();
        return new IncomingEvent(id, "referral.submitted.v1", "/referral-service", "ref-1",
                Instant.parse("2026-11-24T07:59:00Z"), "ref-1", Traceparent.newRoot(),
                "{}".getBytes(StandardCharsets.UTF_8));
    }
}
