package cn.referral.platform.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import reactor.core.publisher.Mono;

class PeriodicJobTest {

    @Test
    void keepsRunningAfterAFailedRunAndStopsWhenTold() {
        AtomicInteger runs = new AtomicInteger();
        PeriodicJob job = new PeriodicJob("flaky", Duration.ofMillis(10), () -> runs.incrementAndGet() == 1
                ? Mono.error(new IllegalStateException("database not reachable yet"))
                : Mono.empty());

        job.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> runs.get() >= 3);
            assertThat(job.isRunning()).isTrue();
        } finally {
            job.stop();
        }

        assertThat(job.isRunning()).isFalse();
    }
}
