package cn.referral.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class DeadLetterTopicNamesTest {

    private static final String DLQ_NAME = "spring.cloud.stream.kafka.bindings.%s.consumer.dlq-name";

    @Test
    void namesEachConsumerBindingsDeadLetterTopicAfterItsTopicAndGroup() {
        MockEnvironment environment = binding(new MockEnvironment(), "referralEvents-in-0", "referral.events.v1",
                "quota-service");

        DeadLetterTopicNames.addTo(environment);

        assertThat(deadLetterTopic(environment, "referralEvents-in-0")).isEqualTo("referral.events.v1.quota-service.dlq");
    }

    @Test
    void aBindingWithoutItsOwnGroupUsesTheDefaultGroup() {
        MockEnvironment environment = binding(new MockEnvironment()
                .withProperty("spring.application.name", "billing-service")
                .withProperty("spring.cloud.stream.default.group", "${spring.application.name}"),
                "accepted-in-0", "referral.events.v1", null);

        DeadLetterTopicNames.addTo(environment);

        assertThat(deadLetterTopic(environment, "accepted-in-0")).isEqualTo("referral.events.v1.billing-service.dlq");
    }

    @Test
    void aNameTheServiceChoseIsKept() {
        MockEnvironment environment = binding(new MockEnvironment(), "referralEvents-in-0", "referral.events.v1",
                "quota-service").withProperty(DLQ_NAME.formatted("referralEvents-in-0"), "quota.poison");

        DeadLetterTopicNames.addTo(environment);

        assertThat(deadLetterTopic(environment, "referralEvents-in-0")).isEqualTo("quota.poison");
    }

    @Test
    void bindingsWithoutGroupOrWithSeveralTopicsAreLeftAlone() {
        MockEnvironment environment = binding(binding(new MockEnvironment(), "anonymous-in-0", "referral.events.v1",
                null), "several-in-0", "a.v1,b.v1", "quota-service");

        DeadLetterTopicNames.addTo(environment);

        assertThat(deadLetterTopic(environment, "anonymous-in-0")).isNull();
        assertThat(deadLetterTopic(environment, "several-in-0")).isNull();
    }

    /** A consumer binding's destination and, unless null, its own group, as a service's configuration sets them. */
    private static MockEnvironment binding(MockEnvironment environment, String binding, String destination,
                                           String group) {
        environment.setProperty("spring.cloud.stream.bindings." + binding + ".destination", destination);
        if (group != null) {
            environment.setProperty("spring.cloud.stream.bindings." + binding + ".group", group);
        }
        return environment;
    }

    private static String deadLetterTopic(MockEnvironment environment, String binding) {
        return environment.getProperty(DLQ_NAME.formatted(binding));
    }
}
