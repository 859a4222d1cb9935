package cn.referral.platform.testing.selfcheck;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import cn.referral.platform.testing.NoBlockingOnEventLoops;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The BlockHound installation the service tests rely on really catches blocking on non-blocking threads. */
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
    }

    @Test
    void blockingOnABoundedElasticThreadIsFine() {
        Mono.fromCallable(() -> {
            Thread.sleep(5);
            return 1;
        }).subscribeOn(Schedulers.boundedElastic()).block(Duration.ofSeconds(5));
    }
}
