package cn.referral.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class DeadLetterTopicNamesTest {

    private static final String DLQ_NAME = "spring.cloud.stream.kafka.bindings.%s.consumer.dlq-name";

    @Test
    void namesEachConsumerBindingsDeadLetterTopicAfterItsTopicAndGroup() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.cloud.stream.bindings.referralEvents-in-0.destination", "referral.events.v1")
                .withProperty("spring.cloud.stream.bindings.referralEvents-in-0.group", "quota-service");

        DeadLetterTopicNames.addTo(environment);

        assertThat(environment.getProperty(DLQ_NAME.formatted("referralEvents-in-0")))
                .isEqualTo("referral.events.v1.quota-service.dlq");
    }

    @Test
    void aBindingWithoutItsOwnGroupUsesTheDefaultGroup() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.application.name", "billing-service")
                .withProperty("spring.cloud.stream.default.group", "${spring.application.name}")
                .withProperty("spring.cloud.stream.bindings.accepted-in-0.destination", "referral.events.v1");

        DeadLetterTopicNames.addTo(environment);

        assertThat(environment.getProperty(DLQ_NAME.formatted("accepted-in-0")))
                .isEqualTo("referral.events.v1.billing-service.dlq");
    }

    @Test
    void aNameTheServiceChoseIsKept() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.cloud.stream.bindings.referralEvents-in-0.destination", "referral.events.v1")
                .withProperty("spring.cloud.stream.bindings.referralEvents-in-0.group", "quota-service")
                .withProperty(DLQ_NAME.formatted("referralEvents-in-0"), "quota.poison");

        DeadLetterTopicNames.addTo(environment);

        assertThat(environment.getProperty(DLQ_NAME.formatted("referralEvents-in-0"))).isEqualTo("quota.poison");
    }

    @Test
    void bindingsWithoutGroupOrWithSeveralTopicsAreLeftAlone() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.cloud.stream.bindings.anonymous-in-0.destination", "referral.events.v1")
                .withProperty("spring.cloud.stream.bindings.several-in-0.destination", "a.v1,b.v1")
                .withProperty("spring.cloud.stream.bindings.several-in-0.group", "quota-service");

        DeadLetterTopicNames.addTo(environment);

        assertThat(environment.getProperty(DLQ_NAME.formatted("anonymous-in-0"))).isNull();
        assertThat(environment.getProperty(DLQ_NAME.formatted("several-in-0"))).isNull();
    }
}
