package cn.referral.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class ClientRateLimiterTest {

    private final MutableClock clock = new MutableClock();
    private final ClientRateLimiter limiter = new ClientRateLimiter(new RateLimitProperties(3, 2, null), clock);

    @Test
    void aClientMayBurstThenWaitsForTheRefill() {
        assertThat(limiter.tryAcquire("a")).isZero();
        assertThat(limiter.tryAcquire("a")).isZero();
        assertThat(limiter.tryAcquire("a")).isZero();
        assertThat(limiter.tryAcquire("a")).isEqualTo(1);

        clock.advance(Duration.ofMillis(500));
        assertThat(limiter.tryAcquire("a")).as("one token back after half a second at 2/s").isZero();
        assertThat(limiter.tryAcquire("a")).isEqualTo(1);
    }

    @Test
    void clientsHaveTheirOwnBuckets() {
        for (int i = 0; i < 3; i++) {
            limiter.tryAcquire("busy");
        }
        assertThat(limiter.tryAcquire("busy")).isPositive();
        assertThat(limiter.tryAcquire("quiet")).isZero();
    }

    @Test
    void theBucketNeverHoldsMoreThanTheBurst() {
        clock.advance(Duration.ofHours(1));
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire("idle")).isZero();
        }
        assertThat(limiter.tryAcquire("idle")).isPositive();
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-25T08:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
