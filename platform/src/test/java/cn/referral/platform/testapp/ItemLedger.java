package cn.referral.platform.testapp;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;

import cn.referral.platform.events.IncomingEvent;
import cn.referral.platform.testapp.PlatformTestApplication.ItemSnapshotV1;
import reactor.core.publisher.Mono;

/** What the test consumer did: delivery attempts per record key, applied snapshots, removed keys. */
public class ItemLedger {

    /** {@code appliedAtNanos}: {@link System#nanoTime()} when the handler ran, for hop timings. */
    public record Applied(String eventId, ItemSnapshotV1 item, String traceId, long appliedAtNanos) {
    }

    public static final String FLAKY = "flaky:";

    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> flakyFailures = new ConcurrentHashMap<>();
    private final List<Applied> applied = new CopyOnWriteArrayList<>();
    private final List<String> removed = new CopyOnWriteArrayList<>();

    void attempted(Message<?> message) {
        Object key = message.getHeaders().get(KafkaHeaders.RECEIVED_KEY);
        String text = key instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(key);
        attempts.computeIfAbsent(text, k -> new AtomicInteger()).incrementAndGet();
    }

    /** An item named {@code flaky:N} fails its first N handlings as if the database were unreachable. */
    Mono<Void> applied(IncomingEvent event, ItemSnapshotV1 item) {
        if (item.name().startsWith(FLAKY)) {
            int failures = Integer.parseInt(item.name().substring(FLAKY.length()));
            if (flakyFailures.computeIfAbsent(item.itemId(), k -> new AtomicInteger()).incrementAndGet() <= failures) {
                return Mono.error(new DataAccessResourceFailureException("database not reachable (test)"));
            }
        }
        return Mono.fromRunnable(() -> applied.add(new Applied(event.id(), item, event.traceparent().traceId(),
                System.nanoTime())));
    }

    Mono<Void> removed(String key) {
        return Mono.fromRunnable(() -> removed.add(key));
    }

    public int attempts(String key) {
        AtomicInteger count = attempts.get(key);
        return count == null ? 0 : count.get();
    }

    public List<Applied> appliedFor(String itemId) {
        return applied.stream().filter(a -> a.item().itemId().equals(itemId)).toList();
    }

    public List<String> removed() {
        return List.copyOf(removed);
    }
}
