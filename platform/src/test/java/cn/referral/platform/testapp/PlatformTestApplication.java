package cn.referral.platform.testapp;

import java.util.function.Consumer;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.messaging.Message;

import cn.referral.platform.messaging.EventConsumers;

/**
 * A minimal service built on the platform, for the platform's own integration tests: one
 * event consumer bound to {@value #ITEMS_TOPIC} and one REST controller. Its settings are in
 * {@code platform-test-app.properties} next to it.
 */
@SpringBootApplication
public class PlatformTestApplication {

    public static final String NAME = "platform-test-app";
    public static final String ITEMS_TOPIC = "testapp.items.v1";
    public static final String ITEM_SNAPSHOT = "testapp.item.v1";
    public static final String PROPERTIES = "classpath:cn/referral/platform/testapp/platform-test-app.properties";

    /** The wire record this consumer reads: only the fields it needs (tolerant reader). */
    public record ItemSnapshotV1(String itemId, String name, int version) {
    }

    /** Bound as {@code items-in-0}. Every delivery attempt is counted before the platform handles it. */
    @Bean
    Consumer<Message<byte[]>> items(EventConsumers consumers, ItemLedger ledger) {
        Consumer<Message<byte[]>> consumer = consumers.localView("item-view", ITEM_SNAPSHOT, ItemSnapshotV1.class,
                ledger::applied, ledger::removed);
        return message -> {
            ledger.attempted(message);
            consumer.accept(message);
        };
    }

    @Bean
    ItemLedger itemLedger() {
        return new ItemLedger();
    }
}
