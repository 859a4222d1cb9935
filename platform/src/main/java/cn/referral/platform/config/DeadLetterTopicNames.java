package cn.referral.platform.config;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import cn.referral.platform.messaging.DeadLetterTopics;

/**
 * Names the dead-letter topic of every consumer binding {@code <topic>.<group>.dlq} by setting the
 * Kafka binder's own {@code dlq-name}, unless the service set one. The binder then both creates
 * that topic when it binds (same partitions as the source topic, the binder's replication factor)
 * and publishes failed records to it; with a {@code DlqDestinationResolver} instead it would create
 * an unused {@code error.<topic>.<group>} topic and rely on the broker auto-creating the real one.
 */
final class DeadLetterTopicNames {

    static final String SOURCE_NAME = "platformDeadLetterTopics";

    /** The two binding properties this needs; everything else of a binding is ignored here. */
    record BindingCoordinates(String destination, String group) {
    }

    private DeadLetterTopicNames() {
    }

    static void addTo(ConfigurableEnvironment environment) {
        Binder binder = Binder.get(environment);
        String defaultGroup = binder.bind("spring.cloud.stream.default.group", String.class).orElse(null);
        Map<String, BindingCoordinates> bindings = binder.bind("spring.cloud.stream.bindings",
                Bindable.mapOf(String.class, BindingCoordinates.class)).orElse(Map.of());
        Map<String, Object> names = new LinkedHashMap<>();
        bindings.forEach((binding, coordinates) -> {
            String group = coordinates.group() != null ? coordinates.group() : defaultGroup;
            String destination = coordinates.destination();
            String property = "spring.cloud.stream.kafka.bindings." + binding + ".consumer.dlq-name";
            boolean singleTopic = destination != null && !destination.isBlank() && !destination.contains(",");
            if (singleTopic && group != null && !group.isBlank() && !environment.containsProperty(property)) {
                names.put(property, DeadLetterTopics.of(destination.trim(), group));
            }
        });
        if (!names.isEmpty()) {
            environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, names));
        }
    }
}
