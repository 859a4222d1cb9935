package cn.referral.platform.scheduling;

import org.springframework.context.SmartLifecycle;

import reactor.core.Disposable;

/**
 * Background work that runs while the application runs: started as a subscription, stopped by disposing
 * it (Spring stops it before the Mongo and Kafka clients close, on graceful shutdown).
 */
public abstract class SubscriptionLifecycle implements SmartLifecycle {

    private volatile Disposable running;

    /** Subscribes the work; what it returns is disposed on stop. */
    protected abstract Disposable subscribe();

    @Override
    public final void start() {
        running = subscribe();
    }

    @Override
    public final void stop() {
        Disposable current = running;
        if (current != null) {
            current.dispose();
        }
        running = null;
    }

    @Override
    public final boolean isRunning() {
        Disposable current = running;
        return current != null && !current.isDisposed();
    }
}
