package cn.referral.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import cn.referral.platform.testing.MutableClock;

class LocalClientRateLimiterTest {

    private final MutableClock clock = MutableClock.at("2026-11-25T08:00:00Z");
    private final LocalClientRateLimiter limiter = new LocalClientRateLimiter(new RateLimitProperties(3, 2, null), clock);

    @Test
    void aClientMayBurstThenWaitsForTheRefill() {
        assertThat(limiter.acquire("a")).isZero();
        assertThat(limiter.acquire("a")).isZero();
        assertThat(limiter.acquire("a")).isZero();
        assertThat(limiter.acquire("a")).isEqualTo(1);

        clock.advance(Duration.ofMillis(500));
        assertThat(limiter.acquire("a")).as("one token back after half a second at 2/s").isZero();
        assertThat(limiter.acquire("a")).isEqualTo(1);
    }

    @Test
    void clientsHaveTheirOwnBuckets() {
        for (int i = 0; i < 3; i++) {
            limiter.acquire("busy");
        }
        assertThat(limiter.acquire("busy")).isPositive();
        assertThat(limiter.acquire("quiet")).isZero();
    }

    @Test
    void theBucketNeverHoldsMoreThanTheBurst() {
        clock.advance(Duration.ofHours(1));
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.acquire("idle")).isZero();
        }
        assertThat(limiter.acquire("idle")).isPositive();
    }

    @Test
    void aboveMaxClientsOnlyIdleBucketsGoAndALimitedClientKeepsItsBucket() {
        LocalClientRateLimiter small = new LocalClientRateLimiter(new RateLimitProperties(3, 2, 2), clock);
        for (int i = 0; i < 3; i++) {
            small.acquire("busy");
        }
        small.acquire("idle-1");
        small.acquire("idle-2");
        clock.advance(Duration.ofSeconds(1));

        assertThat(small.acquire("newcomer")).isZero();
        assertThat(small.clients()).as("the full (idle) buckets went; busy and the newcomer stay").isEqualTo(2);
        assertThat(small.acquire("busy")).isZero();
        assertThat(small.acquire("busy")).isZero();
        assertThat(small.acquire("busy")).as("2 tokens refilled in 1 s, not a fresh bucket of 3").isPositive();
    }
}
