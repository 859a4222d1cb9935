package cn.referral.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.referral.platform.events.published.ReferralTopics;
import cn.referral.platform.testing.AsyncApiDocument;

/** The AsyncAPI document names every event type the service produces, on the right channel. */
class AsyncApiContractTest {

    @Test
    void documentsEveryProducedAndConsumedEventType() throws Exception {
        AsyncApiDocument document = AsyncApiDocument.load();
        assertThat(document.root().get("asyncapi")).isEqualTo("3.0.0");
        Map<String, Object> messages = document.at("components", "messages");
        List<Object> names = messages.values().stream().map(m -> AsyncApiDocument.at(m).get("name")).toList();

        List<String> produced = new ArrayList<>();
        for (Field field : ReferralTopics.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && !field.getName().equals("REFERRAL_EVENTS")) {
                produced.add((String) field.get(null));
            }
        }
        assertThat(produced).hasSize(9);
        assertThat(names).containsAll(produced).contains("quota.slot-held.v1", "quota.waitlisted.v1",
                "quota.unavailable.v1", "quota.slot-released.v1", "registry.catalog.v1", "registry.contract.v1",
                "registry.practitioner.v1");

        assertThat(document.at("channels", "referralEvents").get("address")).isEqualTo(ReferralTopics.REFERRAL_EVENTS);
        assertThat(document.at("channels", "referralEvents", "messages")).hasSize(9);
    }
}
