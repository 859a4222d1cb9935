package cn.referral.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeadLetterTopicsTest {

    @Test
    void namesTheDeadLetterTopicAfterTopicAndConsumerGroup() {
        assertThat(DeadLetterTopics.of("referral.events.v1", "quota-service"))
                .isEqualTo("referral.events.v1.quota-service.dlq");
    }

    @Test
    void twoGroupsReadingOneTopicGetSeparateDeadLetterTopics() {
        assertThat(DeadLetterTopics.of("referral.events.v1", "quota-service"))
                .isNotEqualTo(DeadLetterTopics.of("referral.events.v1", "billing-service"));
    }
}
