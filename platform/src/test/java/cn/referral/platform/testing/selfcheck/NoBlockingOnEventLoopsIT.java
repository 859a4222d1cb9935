package cn.referral.platform.testing.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import cn.referral.platform.testing.NoBlockingOnEventLoops;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The BlockHound installation every integration test relies on really catches blocking on non-blocking threads.
 * ({@code @ExtendWith} for a run without the root pom's failsafe configuration, an IDE's.)
 */
@ExtendWith(NoBlockingOnEventLoops.class)
class NoBlockingOnEventLoopsIT {

    @Test
    void sleepingOnAParallelSchedulerThreadFails() {
        Mono<Long> sleepy = Mono.delay(Duration.ofMillis(1), Schedulers.parallel())
                .doOnNext(tick -> {
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
        assertThatThrownBy(() -> sleepy.block(Duration.ofSeconds(5)))
                .hasCauseInstanceOf(BlockingOperationError.class);
        // and the class it happened in would fail for it, had this one not blocked on purpose
        assertThat(NoBlockingOnEventLoops.takeFound()).singleElement()
                .extracting(Throwable::getMessage).asString().contains("java.lang.Thread.sleep");
    }

    @Test
    void blockingOnABoundedElasticThreadIsFine() {
        Mono.fromCallable(() -> {
            Thread.sleep(5);
            return 1;
        }).subscribeOn(Schedulers.boundedElastic()).block(Duration.ofSeconds(5));
    }
}
