package cn.referral.platform.scheduling;

import java.time.Duration;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs a reactive task every {@code interval} while the application runs, one run at a time, and
 * keeps going after a failed run. The task itself must be safe with several replicas (claim work
 * with an atomic update): every replica runs its own job.
 */
public class PeriodicJob implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PeriodicJob.class);

    private final String name;
    private final Duration interval;
    private final Supplier<Mono<?>> task;
    private volatile Disposable running;

    public PeriodicJob(String name, Duration interval, Supplier<Mono<?>> task) {
        this.name = name;
        this.interval = interval;
        this.task = task;
    }

    @Override
    public void start() {
        log.info("Starting periodic job {} every {}", name, interval);
        running = Flux.interval(interval)
                .onBackpressureDrop()
                .concatMap(tick -> Mono.defer(task)
                        .onErrorResume(error -> {
                            log.warn("Periodic job {} failed, will run again in {}: {}", name, interval, error.toString());
                            return Mono.empty();
                        }), 1)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable current = running;
        if (current != null) {
            current.dispose();
        }
        running = null;
    }

    @Override
    public boolean isRunning() {
        Disposable current = running;
        return current != null && !current.isDisposed();
    }

    public String name() {
        return name;
    }
}
