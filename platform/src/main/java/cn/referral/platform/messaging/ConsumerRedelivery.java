package cn.referral.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.BiFunction;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.messaging.MessagingException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

import cn.referral.platform.events.CloudEventHeaders;
import cn.referral.platform.inbox.EventInProgressException;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * How a failed delivery is retried, for every consumer binding. The binder's own retry would
 * try every failure {@code max-attempts} times within a second or two and then dead-letter it;
 * here the listener container retries instead (seek and poll again, so a long wait never stalls
 * the consumer's heartbeat or poll interval) and tells two kinds of failure apart:
 * <ul>
 *   <li>the event cannot be handled (unreadable, no {@code ce_id}, a handler's bug): the binding's
 *       {@code max-attempts} with its back-off, then the dead-letter topic {@code <topic>.<group>.dlq}
 *       with the error in its headers ({@code x-exception-message}, {@code x-original-topic}, ...);</li>
 *   <li>the event is fine but cannot be handled yet: another delivery holds its inbox lease
 *       ({@link EventInProgressException}: a consumer died mid-effect; after its lease the retry
 *       takes the event over and runs the effect once) or the failure passes by itself
 *       ({@link TransientEventFailure}). These are retried, with a back-off growing to
 *       {@code waitingBackOffMax}, until they succeed: never dead-lettered, because dead-lettering
 *       an event that was never handled loses its effect. The partition waits meanwhile, which
 *       keeps the aggregate's events in order.</li>
 * </ul>
 */
public class ConsumerRedelivery implements ListenerContainerWithDlqAndRetryCustomizer {

    private static final Logger log = LoggerFactory.getLogger(ConsumerRedelivery.class);

    private final KafkaOperations<?, ?> deadLetters;
    private final Duration waitingBackOffMax;
    private final MeterRegistry meters;

    public ConsumerRedelivery(KafkaOperations<?, ?> deadLetters, Duration waitingBackOffMax, MeterRegistry meters) {
        this.deadLetters = deadLetters;
        this.waitingBackOffMax = waitingBackOffMax;
        this.meters = meters;
    }

    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
                          BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver,
                          BackOff backOff) {
        ConsumerRecordRecoverer recoverer = null;
        if (dlqDestinationResolver != null) {
            DeadLetterPublishingRecoverer publisher = new DeadLetterPublishingRecoverer(deadLetters, (record, error) -> {
                log.error("Dead-lettering event {} of {} for {} after its attempts: {}", ceId(record), record.topic(),
                        group, error.toString());
                meters.counter("events.dead.lettered", "topic", record.topic(), "group", String.valueOf(group))
                        .increment();
                return dlqDestinationResolver.apply(record, error);
            });
            publisher.setHeaderNamesSupplier(ConsumerRedelivery::binderHeaderNames);
            // the headers name the handler's own error, not the container's and binder's wrappers around it
            recoverer = (record, error) -> publisher.accept(record, unwrapped(error));
        }
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer,
                backOff == null ? new FixedBackOff(0L, 0L) : backOff);
        handler.setBackOffFunction((record, error) -> {
            if (!mustWait(error)) {
                return null;
            }
            log.warn("Event {} of {} for {} cannot be handled yet, will retry: {}", ceId(record), record.topic(),
                    group, rootMessage(error));
            meters.counter("events.retried.later", "topic", record.topic(), "group", String.valueOf(group))
                    .increment();
            return untilItSucceeds();
        });
        container.setCommonErrorHandler(handler);
    }

    @Override
    public boolean retryAndDlqInBinding(String destinationName, String group) {
        return false;
    }

    private BackOff untilItSucceeds() {
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(waitingBackOffMax.toMillis());
        return backOff;
    }

    /** Whether the failure says "not now" rather than "never". */
    static boolean mustWait(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof EventInProgressException || cause instanceof TransientEventFailure) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    private static Exception unwrapped(Exception error) {
        Throwable cause = error;
        while ((cause instanceof ListenerExecutionFailedException || cause instanceof MessagingException)
                && cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause instanceof Exception exception ? exception : error;
    }

    private static String rootMessage(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause
                && !(cause instanceof EventInProgressException || cause instanceof TransientEventFailure)) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }

    private static String ceId(ConsumerRecord<?, ?> record) {
        var header = record.headers().lastHeader(CloudEventHeaders.ID);
        return header == null || header.value() == null ? "(no ce_id)"
                : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The header names the binder's own dead-lettering used, which operators and tests know. */
    private static DeadLetterPublishingRecoverer.HeaderNames binderHeaderNames() {
        return DeadLetterPublishingRecoverer.HeaderNames.Builder.original()
                .offsetHeader("x-original-offset")
                .timestampHeader("x-original-timestamp")
                .timestampTypeHeader("x-original-timestamp-type")
                .topicHeader("x-original-topic")
                .partitionHeader("x-original-partition")
                .consumerGroupHeader("x-original-consumer-group")
                .exception()
                .keyExceptionFqcn("x-key-exception-fqcn")
                .exceptionFqcn("x-exception-fqcn")
                .exceptionCauseFqcn("x-exception-cause-fqcn")
                .keyExceptionMessage("x-key-exception-message")
                .exceptionMessage("x-exception-message")
                .keyExceptionStacktrace("x-key-exception-stacktrace")
                .exceptionStacktrace("x-exception-stacktrace")
                .build();
    }
}
