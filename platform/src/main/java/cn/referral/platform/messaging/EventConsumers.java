package cn.referral.platform.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

import org.apache.kafka.common.errors.RetriableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.messaging.Message;

import cn.referral.platform.events.IncomingEvent;
import cn.referral.platform.events.MalformedEventException;
import cn.referral.platform.events.TraceContext;
import cn.referral.platform.inbox.Inbox;
import cn.referral.platform.mongo.LocalView;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import reactor.core.Exceptions;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the {@code Consumer<Message<byte[]>>} beans that Spring Cloud Stream binds to topics.
 * Each consumer reads the CloudEvents headers, skips event types it does not know (tolerant
 * reader), reads only the fields its wire record declares, runs the handler at most once per
 * {@code ce_id} through the {@link Inbox}, and waits for it on the binder thread with a timeout.
 * A failure that passes by itself (a timeout, the database unreachable, a write conflict) is
 * reported as {@link TransientEventFailure}; {@link ConsumerRedelivery} retries it, and an event
 * still in progress elsewhere, until they succeed. Any other exception is retried a few times
 * and then dead-lettered.
 */
public class EventConsumers {

    private static final Logger log = LoggerFactory.getLogger(EventConsumers.class);

    private final Inbox inbox;
    private final JsonMapper json;
    private final Duration handlerTimeout;
    private final MeterRegistry meters;
    private final PartitionAssignments assignments;

    public EventConsumers(Inbox inbox, JsonMapper json, Duration handlerTimeout, MeterRegistry meters,
                          PartitionAssignments assignments) {
        this.inbox = inbox;
        this.assignments = assignments;
        this.json = json.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        this.handlerTimeout = handlerTimeout;
        this.meters = meters;
    }

    /** Starts a consumer; {@code name} keys its inbox records, so keep it stable. */
    public Builder consumer(String name) {
        return new Builder(name);
    }

    /**
     * The consumer of a local view of a compacted topic: each snapshot of {@code snapshotType} is kept by
     * {@code keep}, and a tombstone removes the record of its key through {@code remove}.
     */
    public <T> Consumer<Message<byte[]>> localView(String name, String snapshotType, Class<T> wireRecord,
                                                   BiFunction<IncomingEvent, T, Mono<?>> keep,
                                                   Function<String, Mono<?>> remove) {
        return consumer(name).on(snapshotType, wireRecord, keep).onTombstone(event -> remove.apply(event.key())).build();
    }

    /**
     * The consumer of a local view of the registry's {@code topic}: each snapshot, read into {@code wireRecord}, is
     * kept by {@code keep}; a tombstone removes, through {@code remove}, the record whose id its key names.
     */
    public <W, K> Consumer<Message<byte[]>> localView(RegistryView<K> topic, Class<W> wireRecord,
                                                      BiFunction<IncomingEvent, W, Mono<?>> keep,
                                                      Function<K, Mono<?>> remove) {
        return localView(topic.consumerName(), topic.snapshotType(), wireRecord, keep,
                key -> remove.apply(topic.idOfKey().apply(key)));
    }

    /**
     * The consumer of a local view of the registry's {@code topic} kept in {@code view}: each snapshot, read into
     * {@code wireRecord} and mapped to the view's record by {@code toSnapshot}, is kept unless a newer one is held;
     * a tombstone removes the record whose id its key names.
     */
    public <W, T, K> Consumer<Message<byte[]>> localView(RegistryView<K> topic, Class<W> wireRecord,
                                                         LocalView<T, K> view, Function<W, T> toSnapshot) {
        return localView(topic, wireRecord, (event, snapshot) -> view.keepIfNewer(toSnapshot.apply(snapshot)),
                view::remove);
    }

    public final class Builder {

        private final String name;
        private final Map<String, BiFunction<IncomingEvent, byte[], Mono<?>>> handlers = new HashMap<>();
        private Function<IncomingEvent, Mono<?>> tombstoneHandler;
        /** The consumer's timers, looked up once rather than on every event. */
        private final Map<String, Timer> handling = new ConcurrentHashMap<>();
        private final Timer delays;

        private Builder(String name) {
            this.name = Objects.requireNonNull(name);
            this.delays = Timer.builder("event.delay").tag("consumer", name).publishPercentileHistogram()
                    .register(meters);
        }

        /** Handles events of {@code ceType}, read into {@code wireRecord}. */
        public <T> Builder on(String ceType, Class<T> wireRecord, BiFunction<IncomingEvent, T, Mono<?>> handler) {
            handlers.put(ceType, (event, payload) -> handler.apply(event, read(event, payload, wireRecord)));
            return this;
        }

        /** Handles a tombstone (null value) on a compacted topic: the key was removed. */
        public Builder onTombstone(Function<IncomingEvent, Mono<?>> handler) {
            this.tombstoneHandler = handler;
            return this;
        }

        public Consumer<Message<byte[]>> build() {
            return message -> {
                IncomingEvent event = IncomingEvent.from(message);
                MDC.put(TraceContext.TRACE_ID, event.traceparent().traceId());
                try {
                    handle(event, assignments.assignedAt(message));
                } finally {
                    MDC.remove(TraceContext.TRACE_ID);
                }
            };
        }

        private void handle(IncomingEvent event, Instant partitionAssignedAt) {
            BiFunction<IncomingEvent, byte[], Mono<?>> handler = handlers.get(event.type());
            if (handler == null) {
                log.debug("{} ignores event type {} ({})", name, event.type(), event.id());
                return;
            }
            Mono<?> effect;
            if (event.isTombstone()) {
                if (tombstoneHandler == null) {
                    log.debug("{} ignores tombstone for {}", name, event.key());
                    return;
                }
                effect = Mono.defer(() -> tombstoneHandler.apply(event));
            } else {
                effect = Mono.defer(() -> handler.apply(event, event.payload()));
            }
            Inbox.Outcome outcome;
            long started = System.nanoTime();
            try {
                outcome = inbox.handleOnce(name, event, partitionAssignedAt, effect)
                        .contextWrite(TraceContext.with(event.traceparent()))
                        .timeout(handlerTimeout)
                        .block();
            } catch (RuntimeException error) {
                Throwable cause = Exceptions.unwrap(error);
                handled(event, "failed", started);
                if (isTransient(cause)) {
                    throw new TransientEventFailure(name, event.id(), cause);
                }
                throw error;
            }
            handled(event, outcome.name().toLowerCase(Locale.ROOT), started);
            log.debug("{} {} event {} ({})", name, outcome, event.id(), event.type());
        }

        /**
         * {@code event.handling}: how long the inbox and the handler took; {@code event.delay}: from the
         * event's {@code ce_time} to the end of its handling, the hop a saga waits for (outbox, broker, queue).
         */
        private void handled(IncomingEvent event, String outcome, long startedNanos) {
            handling.computeIfAbsent(outcome, key -> Timer.builder("event.handling").tag("consumer", name)
                            .tag("outcome", key).publishPercentileHistogram().register(meters))
                    .record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
            if (event.time() != null && !"failed".equals(outcome)) {
                Duration delay = Duration.between(event.time(), Instant.now());
                if (!delay.isNegative()) {
                    delays.record(delay);
                }
            }
        }

        /** A failure that passes by itself: retried until it succeeds, never dead-lettered. */
        private static boolean isTransient(Throwable error) {
            for (Throwable cause = error; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
                if (cause instanceof TimeoutException || cause instanceof TransientDataAccessException
                        || cause instanceof DataAccessResourceFailureException || cause instanceof MongoSocketException
                        || cause instanceof MongoTimeoutException || cause instanceof RetriableException) {
                    return true;
                }
            }
            return false;
        }

        private <T> T read(IncomingEvent event, byte[] payload, Class<T> wireRecord) {
            try {
                return json.readValue(payload, wireRecord);
            } catch (JacksonException e) {
                throw new MalformedEventException("Event " + event.id() + " of type " + event.type()
                        + " is not a readable " + wireRecord.getSimpleName() + ": " + e.getOriginalMessage(), e);
            }
        }
    }
}
