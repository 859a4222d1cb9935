package cn.referral.platform.messaging;

/**
 * Dead-letter topic naming: {@code <topic>.<group>.dlq}. A record lands there, with the error in
 * its headers ({@code x-exception-message}, {@code x-original-topic}, ...), after the binding's
 * attempts are used up, so one poison record never blocks its partition.
 */
public final class DeadLetterTopics {

    private DeadLetterTopics() {
    }

    public static String of(String topic, String group) {
        return topic + "." + group + ".dlq";
    }
}
