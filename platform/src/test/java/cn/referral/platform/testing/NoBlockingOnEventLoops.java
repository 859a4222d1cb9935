package cn.referral.platform.testing;

import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import reactor.blockhound.BlockHound;
import reactor.blockhound.BlockingOperationError;

/**
 * Makes a blocking call on a Reactor or Netty non-blocking thread fail the test class that opts in with
 * {@code @ExtendWith} (STYLE.md: "No .block(), Thread.sleep or blocking I/O on event-loop threads; BlockHound in
 * tests catches it"): the request or event that made the call fails with {@link BlockingOperationError}.
 * The allowances are JDK and library internals that block briefly by design, each with its reason.
 * <p>
 * BlockHound is installed once per JVM, when the test run starts ({@link BlockHoundAtLaunch}), and only
 * <em>reports</em> while an opted-in class runs. Installing it later, in the middle of a run, broke other tests:
 * a Reactor {@code parallel} thread already waiting inside {@code ScheduledThreadPoolExecutor}'s
 * {@code DelayedWorkQueue.take} never ran the allowance's entry hook, so its next wait threw, the queue's lock
 * was left inconsistent, and every later {@code Mono.delay} on that thread never fired (platform CI,
 * 2026-11-26: {@code InboxIT} timed out after {@code NoBlockingOnEventLoopsIT} had run in the same JVM).
 * <p>
 * Not yet on every {@link ServiceIntegrationTest}: switched on there it also flags library internals
 * that still need an allowance of their own (Netty 4.2's AdaptivePoolingAllocator lock, springdoc's
 * first class-path scan), so it is used by the tests that opt in.
 */
public class NoBlockingOnEventLoops implements BeforeAllCallback, AfterAllCallback {

    private static final AtomicBoolean INSTALLED = new AtomicBoolean();
    private static volatile boolean reporting;

    /** Installs BlockHound (once per JVM) with the allowances below; it reports nothing until a class opts in. */
    static void install() {
        if (INSTALLED.compareAndSet(false, true)) {
            // install(...) also loads the integrations on the class path (Reactor's marks its non-blocking threads)
            BlockHound.install(builder -> builder
                    .blockingMethodCallback(method -> {
                        if (reporting) {
                            throw new BlockingOperationError(method);
                        }
                    })
                    // SecureRandom seeds from /dev/urandom once per instance; UUIDs and nonces use it
                    .allowBlockingCallsInside("java.security.SecureRandom", "nextBytes")
                    .allowBlockingCallsInside("java.util.UUID", "randomUUID")
                    // Hibernate Validator reads its message bundle from the class path once, at the first violation
                    .allowBlockingCallsInside("org.hibernate.validator.resourceloading.PlatformResourceBundleLocator",
                            "loadBundle")
                    // class loading and logging write to local files and consoles
                    .allowBlockingCallsInside("java.lang.ClassLoader", "loadClass")
                    .allowBlockingCallsInside("ch.qos.logback.core.OutputStreamAppender", "writeBytes"));
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        // run on its own (an IDE, one -Dit.test): nothing installed it at launch, and no other test has run yet
        install();
        reporting = true;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        reporting = false;
    }
}
