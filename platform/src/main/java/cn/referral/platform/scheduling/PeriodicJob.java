package cn.referral.platform.scheduling;

import java.time.Duration;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs a reactive task every {@code interval} while the application runs, one run at a time, and
 * keeps going after a failed run. The task itself must be safe with several replicas (claim work
 * with an atomic update): every replica runs its own job.
 */
public class PeriodicJob extends SubscriptionLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PeriodicJob.class);

    private final String name;
    private final Duration interval;
    private final Supplier<Mono<?>> task;

    public PeriodicJob(String name, Duration interval, Supplier<Mono<?>> task) {
        this.name = name;
        this.interval = interval;
        this.task = task;
    }

    @Override
    protected Disposable subscribe() {
        log.info("Starting periodic job {} every {}", name, interval);
        return Flux.interval(interval)
                .onBackpressureDrop()
                .concatMap(tick -> Mono.defer(task)
                        .onErrorResume(error -> {
                            log.warn("Periodic job {} failed, will run again in {}: {}", name, interval, error.toString());
                            return Mono.empty();
                        }), 1)
                .subscribe();
    }

    public String name() {
        return name;
    }
}
