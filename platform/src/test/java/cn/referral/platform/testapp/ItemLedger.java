package cn.referral.platform.testapp;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;

import cn.referral.platform.events.IncomingEvent;
import cn.referral.platform.testapp.PlatformTestApplication.ItemSnapshotV1;
import reactor.core.publisher.Mono;

/** What the test consumer did: delivery attempts per record key, applied snapshots, removed keys. */
public class ItemLedger {

    public record Applied(String eventId, ItemSnapshotV1 item, String traceId) {
    }

    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final List<Applied> applied = new CopyOnWriteArrayList<>();
    private final List<String> removed = new CopyOnWriteArrayList<>();

    void attempted(Message<?> message) {
        Object key = message.getHeaders().get(KafkaHeaders.RECEIVED_KEY);
        String text = key instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(key);
        attempts.computeIfAbsent(text, k -> new AtomicInteger()).incrementAndGet();
    }

    Mono<Void> applied(IncomingEvent event, ItemSnapshotV1 item) {
        return Mono.fromRunnable(() -> applied.add(new Applied(event.id(), item, event.traceparent().traceId())));
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
