package cn.referral.platform.testing;

import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import reactor.blockhound.BlockHound;

/**
 * Installs BlockHound for the test JVM (STYLE.md: "No .block(), Thread.sleep or blocking I/O on
 * event-loop threads; BlockHound in tests catches it"): a blocking call on a Reactor or Netty
 * non-blocking thread throws, and the request or event that made it fails the test.
 * The allowances are JDK and library internals that block briefly by design, each with its reason.
 * <p>
 * Not yet on every {@link ServiceIntegrationTest}: switched on there it also flags library internals
 * that still need an allowance of their own (Netty 4.2's AdaptivePoolingAllocator lock, springdoc's
 * first class-path scan), so it is used by the tests that opt in with {@code @ExtendWith}.
 */
public class NoBlockingOnEventLoops implements BeforeAllCallback {

    private static final AtomicBoolean INSTALLED = new AtomicBoolean();

    @Override
    public void beforeAll(ExtensionContext context) {
        if (INSTALLED.compareAndSet(false, true)) {
            // install(...) also loads the integrations on the class path (Reactor's marks its non-blocking threads)
            BlockHound.install(builder -> builder
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
}
