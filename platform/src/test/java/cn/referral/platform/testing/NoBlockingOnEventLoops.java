package cn.referral.platform.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import reactor.blockhound.BlockHound;
import reactor.blockhound.BlockingOperationError;

/**
 * Makes a blocking call on a Reactor or Netty non-blocking thread fail (STYLE.md: "No .block(), Thread.sleep or
 * blocking I/O on event-loop threads; BlockHound in tests catches it"): the call throws
 * {@link BlockingOperationError}, so the request or event that made it fails, and the test class it happened
 * in fails afterwards too, with where it happened, even when the error was swallowed on the way (a log line,
 * a retry). The allowances are JDK and library internals that block briefly by design, each with its reason.
 * <p>
 * An integration test run ({@code *IT}, failsafe) has it where its module leaves {@code blockhound.its} on (the
 * root pom's default: platform, the four services, gateway and console; only deploy/devstack and deploy/system-tests
 * turn it off, each saying why in its pom):
 * BlockHound is installed once per JVM when the run starts and reports for the whole run
 * ({@link BlockHoundAtLaunch}), and this extension is registered on every test class
 * ({@code junit.jupiter.extensions.autodetection.enabled} in the root pom's failsafe configuration).
 * Unit tests ({@code *Test}, surefire) have neither. Installing it later, in the middle of a run, broke other
 * tests: a Reactor {@code parallel} thread already waiting inside {@code ScheduledThreadPoolExecutor}'s
 * {@code DelayedWorkQueue.take} never ran the allowance's entry hook, so its next wait threw, the queue's lock
 * was left inconsistent, and every later {@code Mono.delay} on that thread never fired (platform CI,
 * 2026-11-26: {@code InboxIT} timed out after {@code NoBlockingOnEventLoopsIT} had run in the same JVM).
 */
public class NoBlockingOnEventLoops implements BeforeAllCallback, AfterAllCallback {

    private static final AtomicBoolean INSTALLED = new AtomicBoolean();
    private static final Queue<BlockingOperationError> FOUND = new ConcurrentLinkedQueue<>();
    private static volatile boolean reporting;

    /** Installs BlockHound (once per JVM) with the allowances below; it reports once {@link #report()} is called. */
    static void install() {
        if (INSTALLED.compareAndSet(false, true)) {
            // install(...) also loads the integrations on the class path (Reactor's and Netty's mark their
            // non-blocking threads; Netty's allows its own short locks)
            BlockHound.install(builder -> builder
                    .blockingMethodCallback(method -> {
                        if (reporting) {
                            BlockingOperationError found = new BlockingOperationError(method);
                            FOUND.add(found);
                            throw found;
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
                    .allowBlockingCallsInside("ch.qos.logback.core.OutputStreamAppender", "writeBytes")
                    // Netty 4.2's adaptive allocator: a magazine retired while it grows its magazines waits on
                    // that magazine's lock, held by another thread for the few instructions of one allocation
                    // (Netty's own integration allows only the thread-local set-up)
                    .allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$Magazine", "free")
                    // springdoc builds the API document once, at the first /v3/api-docs request, and then
                    // serves it cached: these steps scan the class path (reading class files) during that build
                    .allowBlockingCallsInside("org.springdoc.core.service.OpenAPIService", "getOpenAPIDefinition")
                    .allowBlockingCallsInside("org.springdoc.core.service.OpenAPIService", "calculateSecuritySchemes")
                    .allowBlockingCallsInside("org.springdoc.core.service.OpenAPIService", "getWebhooksClasses")
                    // The reactive MongoDB driver runs on Netty threads (Boot picks its Netty transport) and guards
                    // its pool queue, cluster clock and cursors with locks held for a few field updates, taken
                    // through these two helpers; it never waits for a condition inside them (its waits, on its
                    // own monitor and pool threads, go through lockInterruptibly and checkedWith*Lock)
                    .allowBlockingCallsInside("com.mongodb.internal.Locks", "withLock")
                    .allowBlockingCallsInside("com.mongodb.internal.Locks", "withInterruptibleLock")
                    // zstd-jni reads its native library out of its jar once, when Netty's Zstd class is first
                    // initialised (the first response a client offers to decompress)
                    .allowBlockingCallsInside("com.github.luben.zstd.util.Native", "load")
                    // Spring Data builds a type's mapping metadata once, under the write lock of its mapping
                    // context, the first time it meets the type; readers of that context wait those moments out
                    .allowBlockingCallsInside("org.springframework.data.mapping.context.AbstractMappingContext",
                            "getPersistentEntity")
                    .allowBlockingCallsInside("org.springframework.data.mapping.context.AbstractMappingContext",
                            "hasPersistentEntityFor")
                    // Jackson builds a type's deserializer once, under a lock, and caches it; another thread
                    // building one at the same moment waits for it
                    .allowBlockingCallsInside("tools.jackson.databind.deser.DeserializerCache",
                            "_createAndCacheValueDeserializer")
                    // a route's circuit breaker counts each call's outcome under a lock held for a few counter
                    // updates; calls ending together on other event loops meet it (gateway, GatewayBreakerIT)
                    .allowBlockingCallsInside("io.github.resilience4j.core.metrics.SlidingTimeWindowMetrics",
                            "record")
                    // and keeps its last events in a ring buffer (for the actuator) under a lock held for one
                    // insertion; seen once in GatewayBreakerIT's 120 concurrent calls
                    .allowBlockingCallsInside("io.github.resilience4j.circularbuffer.ConcurrentEvictingQueue",
                            "writeConcurrently")
                    // Thymeleaf (console) initialises its engine at the first render, reading its version file,
                    // and reads a template file when it parses it: once per template with its cache on (the
                    // default; the local profile turns it off to pick up edits)
                    .allowBlockingCallsInside("org.thymeleaf.TemplateEngine", "initialize")
                    .allowBlockingCallsInside("org.thymeleaf.templateparser.markup.AbstractMarkupTemplateParser",
                            "parseStandalone")
                    // HAPI FHIR (referral) scans its model at startup (FhirResponses), but meets some datatypes
                    // later, at their first encoding, and re-reads its version properties file from its jar for
                    // each of them: a few times per run, then every class is known
                    .allowBlockingCallsInside("ca.uhn.fhir.context.ModelScanner", "scanVersionPropertyFile"));
        }
    }

    /** From now on a blocking call on a non-blocking thread throws and fails the test class it happened in. */
    static void report() {
        install();
        reporting = true;
    }

    /**
     * The blocking calls found so far that no test class has failed for yet, forgotten: for a test that blocks
     * on purpose (the self-check).
     */
    public static List<BlockingOperationError> takeFound() {
        List<BlockingOperationError> taken = new ArrayList<>();
        for (BlockingOperationError found; (found = FOUND.poll()) != null; ) {
            taken.add(found);
        }
        return taken;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        // also when run on its own (an IDE, one -Dit.test): nothing installed it at launch, and no other test has run
        report();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        List<BlockingOperationError> found = takeFound();
        if (!found.isEmpty()) {
            AssertionError failure = new AssertionError(found.size() + " blocking call(s) on a non-blocking thread"
                    + " while " + context.getDisplayName() + " ran; the first: " + found.get(0).getMessage());
            found.forEach(failure::addSuppressed);
            throw failure;
        }
    }
}
