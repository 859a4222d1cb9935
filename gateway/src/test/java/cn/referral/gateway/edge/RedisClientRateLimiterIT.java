package cn.referral.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * Two gateway replicas draw from one bucket in a real Redis (the {@code redis-server} Debian package,
 * started here on a free port with nothing saved to disk), and a replica whose Redis is gone limits on its
 * own. Skipped where no {@code redis-server} is installed, except under {@code CI=true}, where
 * {@code .ci/run} installs it and its absence is a failure.
 */
class RedisClientRateLimiterIT {

    private static final Path REDIS_SERVER = Path.of("/usr/bin/redis-server");

    private Process redis;
    private int port;
    private final List<LettuceConnectionFactory> connections = new java.util.ArrayList<>();

    @BeforeEach
    void startRedis() throws Exception {
        boolean installed = Files.isExecutable(REDIS_SERVER);
        if (!installed && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("CI=true but " + REDIS_SERVER + " is missing: .ci/run installs redis-server");
        }
        Assumptions.assumeTrue(installed, "no redis-server here (apt-get install redis-server)");
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        redis = new ProcessBuilder(REDIS_SERVER.toString(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        ReactiveStringRedisTemplate probe = template();
        for (int attempt = 0; ; attempt++) {
            try {
                probe.opsForValue().set("ready", "1").block(Duration.ofSeconds(1));
                return;
            } catch (RuntimeException notYet) {
                if (attempt > 50) {
                    throw notYet;
                }
                Thread.sleep(100);
            }
        }
    }

    @AfterEach
    void stopRedis() throws InterruptedException {
        connections.forEach(LettuceConnectionFactory::destroy);
        if (redis != null) {
            redis.destroy();
            redis.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void twoReplicasDrawFromOneBucket() {
        RateLimitProperties limits = new RateLimitProperties(10, 1, null, RateLimitProperties.Store.REDIS,
                Duration.ofSeconds(2));
        List<ClientRateLimiter> replicas = List.of(replica(limits), replica(limits));
        long started = System.nanoTime();

        List<Long> answers = Flux.fromStream(IntStream.range(0, 40).boxed())
                .flatMap(i -> replicas.get(i % 2).tryAcquire("doctor-1").subscribeOn(Schedulers.parallel()), 40)
                .collectList().block(Duration.ofSeconds(30));

        long elapsedSeconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        long granted = answers.stream().filter(wait -> wait == 0).count();
        assertThat(granted).as("a burst of 10 for both replicas together, plus 1/s refill while the 40 ran")
                .isBetween(10L, 10L + elapsedSeconds + 1);
        assertThat(answers).filteredOn(wait -> wait > 0).allMatch(wait -> wait == 1);
        assertThat(replicas.get(0).tryAcquire("doctor-2").block()).as("another client, another bucket").isZero();
        assertThat(template().getExpire(RedisClientRateLimiter.KEY_PREFIX + "doctor-1").block())
                .as("an idle bucket expires from Redis").isPositive();
    }

    @Test
    void aReplicaWhoseRedisIsGoneLimitsOnItsOwn() throws InterruptedException {
        RateLimitProperties limits = new RateLimitProperties(2, 1, null, RateLimitProperties.Store.REDIS,
                Duration.ofMillis(300));
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        ClientRateLimiter replica = new RedisClientRateLimiter(template(), limits,
                new LocalClientRateLimiter(limits, java.time.Clock.systemUTC()), limits.redisTimeout(), meters);
        assertThat(replica.tryAcquire("desk-1").block()).isZero();

        redis.destroy();
        redis.waitFor(10, TimeUnit.SECONDS);
        long started = System.nanoTime();
        List<Long> answers = Flux.range(0, 6).flatMap(i -> replica.tryAcquire("desk-1"), 6)
                .collectList().block(Duration.ofSeconds(30));

        long elapsedSeconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        assertThat(answers.stream().filter(wait -> wait == 0).count())
                .as("its own bucket of 2 (plus 1/s refill while the 6 ran): neither all refused nor all let through")
                .isBetween(2L, 2L + elapsedSeconds + 1);
        assertThat(meters.counter("gateway.rate.limit.store.failures").count()).isEqualTo(6);
    }

    private ClientRateLimiter replica(RateLimitProperties limits) {
        return new RedisClientRateLimiter(template(), limits, new LocalClientRateLimiter(limits,
                java.time.Clock.systemUTC()), limits.redisTimeout(), new SimpleMeterRegistry());
    }

    private ReactiveStringRedisTemplate template() {
        LettuceConnectionFactory factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", port));
        factory.afterPropertiesSet();
        factory.start();
        connections.add(factory);
        return new ReactiveStringRedisTemplate(factory);
    }
}
