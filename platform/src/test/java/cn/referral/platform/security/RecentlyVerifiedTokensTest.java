package cn.referral.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import cn.referral.platform.testing.MutableClock;
import reactor.core.publisher.Mono;

/** A token's signature is verified once; every use still passes the validator; nothing unverified is kept. */
class RecentlyVerifiedTokensTest {

    private static final Instant ISSUED = Instant.parse("2026-11-26T08:00:00Z");

    private final MutableClock clock = MutableClock.at(ISSUED);
    private final CountingVerifier verifier = new CountingVerifier();
    /** Expiry, as the platform's validator checks it (without its 60 s skew, to keep the test exact). */
    private final OAuth2TokenValidator<Jwt> notExpired = jwt -> clock.instant().isBefore(jwt.getExpiresAt())
            ? OAuth2TokenValidatorResult.success()
            : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "expired", null));

    @Test
    void aTokenUsedAgainIsNotVerifiedAgain() {
        RecentlyVerifiedTokens tokens = tokens(16, Duration.ofMinutes(5));
        verifier.accept("token-a", ISSUED.plus(Duration.ofHours(1)));

        Jwt first = tokens.decode("token-a").block();
        Jwt second = tokens.decode("token-a").block();

        assertThat(second).isSameAs(first);
        assertThat(verifier.calls("token-a")).isEqualTo(1);
    }

    @Test
    void anExpiredTokenIsNeverAnsweredFromMemory() {
        RecentlyVerifiedTokens tokens = tokenAVerifiedOnce(Duration.ofHours(2), ISSUED.plus(Duration.ofMinutes(10)));

        clock.set(ISSUED.plus(Duration.ofMinutes(11)));
        verifier.refuse("token-a");

        assertThat(claimsOrNull(tokens, "token-a")).isNull();
        assertThat(verifier.calls("token-a")).isEqualTo(2);
    }

    @Test
    void aTokenTheValidatorNowRefusesGoesBackToTheVerifier() {
        List<String> refusedSubjects = new ArrayList<>();
        OAuth2TokenValidator<Jwt> validator = jwt -> refusedSubjects.contains(jwt.getSubject())
                ? OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token"))
                : OAuth2TokenValidatorResult.success();
        RecentlyVerifiedTokens tokens = new RecentlyVerifiedTokens(verifier, validator, 16, Duration.ofMinutes(5),
                clock);
        verifier.accept("token-a", ISSUED.plus(Duration.ofHours(1)));
        tokens.decode("token-a").block();

        refusedSubjects.add("subject-of-token-a");
        verifier.refuse("token-a");

        assertThat(claimsOrNull(tokens, "token-a")).isNull();
        assertThat(verifier.calls("token-a")).isEqualTo(2);
    }

    @Test
    void aVerificationIsForgottenAfterTheMaximumAge() {
        RecentlyVerifiedTokens tokens = tokenAVerifiedOnce(Duration.ofMinutes(5), ISSUED.plus(Duration.ofHours(1)));

        clock.set(ISSUED.plus(Duration.ofMinutes(5)));
        tokens.decode("token-a").block();

        assertThat(verifier.calls("token-a")).isEqualTo(2);
    }

    @Test
    void aRefusedTokenIsNotRemembered() {
        RecentlyVerifiedTokens tokens = tokens(16, Duration.ofMinutes(5));
        verifier.refuse("forged");

        for (int i = 0; i < 3; i++) {
            assertThat(claimsOrNull(tokens, "forged")).isNull();
        }

        assertThat(verifier.calls("forged")).isEqualTo(3);
        assertThat(tokens.size()).isZero();
    }

    @Test
    void neverMoreThanTheCapacityIsKept() {
        RecentlyVerifiedTokens tokens = tokens(4, Duration.ofMinutes(5));
        for (int i = 0; i < 10; i++) {
            verifier.accept("token-" + i, ISSUED.plus(Duration.ofHours(1)));
            tokens.decode("token-" + i).block();
            assertThat(tokens.size()).isLessThanOrEqualTo(4);
        }
    }

    @Test
    void concurrentUsesOfOneTokenAllGetItsClaims() throws Exception {
        RecentlyVerifiedTokens tokens = tokens(16, Duration.ofMinutes(5));
        verifier.accept("token-a", ISSUED.plus(Duration.ofHours(1)));
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<String>> subjects = new ArrayList<>();
            for (int i = 0; i < threads * 25; i++) {
                subjects.add(pool.submit(() -> {
                    start.await();
                    return tokens.decode("token-a").block().getSubject();
                }));
            }
            start.countDown();
            for (Future<String> subject : subjects) {
                assertThat(subject.get(10, TimeUnit.SECONDS)).isEqualTo("subject-of-token-a");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(verifier.calls("token-a")).isBetween(1, threads * 25);
        assertThat(tokens.size()).isEqualTo(1);
    }

    private RecentlyVerifiedTokens tokens(int capacity, Duration maxAge) {
        return new RecentlyVerifiedTokens(verifier, notExpired, capacity, maxAge, clock);
    }

    /** Room for 16 tokens kept up to {@code maxAge}; token-a (expiring at {@code expiresAt}) decoded once. */
    private RecentlyVerifiedTokens tokenAVerifiedOnce(Duration maxAge, Instant expiresAt) {
        RecentlyVerifiedTokens tokens = tokens(16, maxAge);
        verifier.accept("token-a", expiresAt);
        tokens.decode("token-a").block();
        return tokens;
    }

    /** The token's claims, or null where it is refused (BadJwtException). */
    private static Jwt claimsOrNull(RecentlyVerifiedTokens tokens, String token) {
        return tokens.decode(token).onErrorResume(BadJwtException.class, e -> Mono.empty()).block();
    }

    /** Accepts the tokens it was told to, refuses the rest, and counts its calls per token. */
    private static final class CountingVerifier implements ReactiveJwtDecoder {

        private final ConcurrentHashMap<String, Instant> accepted = new ConcurrentHashMap<>();
        private final ConcurrentHashMap<String, AtomicInteger> calls = new ConcurrentHashMap<>();

        void accept(String token, Instant expiresAt) {
            accepted.put(token, expiresAt);
        }

        void refuse(String token) {
            accepted.remove(token);
        }

        int calls(String token) {
            AtomicInteger count = calls.get(token);
            return count == null ? 0 : count.get();
        }

        @Override
        public Mono<Jwt> decode(String token) {
            return Mono.fromCallable(() -> {
                calls.computeIfAbsent(token, t -> new AtomicInteger()).incrementAndGet();
                Instant expiresAt = accepted.get(token);
                if (expiresAt == null) {
                    throw new BadJwtException("signature refused");
                }
                return Jwt.withTokenValue(token).header("alg", "RS256").subject("subject-of-" + token)
                        .issuedAt(ISSUED).expiresAt(expiresAt).build();
            });
        }
    }
}
