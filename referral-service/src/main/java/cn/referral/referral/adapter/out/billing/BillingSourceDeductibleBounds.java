package cn.referral.referral.adapter.out.billing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreaker;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;

import cn.referral.platform.domain.InstitutionId;
import cn.referral.referral.application.port.out.SourceDeductibleBounds;
import cn.referral.referral.domain.referral.InsuranceScheme;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

/**
 * Reads the bound from billing-service's {@code GET /deductible-check} (with {@code deductiblePaidFen=0}, so
 * it always answers the bound itself), on behalf of the doctor submitting: the doctor's own token is passed
 * on, as billing lets anyone signed in read it. 404 (no schedule, or an institution billing does not know)
 * means no bound. A slow or failing billing is cut off after {@code timeout}, behind the
 * {@code billing-reference} circuit breaker, and answers "no bound" too: logged at WARN and counted in
 * {@code referral_deductible_bound_unavailable_total}, never a failed submission. A bound read is kept for
 * {@code remembered} (schedules change once a year; billing's decision holds the bound meanwhile anyway), so
 * a burst of transfers from one institution asks billing once.
 */
public class BillingSourceDeductibleBounds implements SourceDeductibleBounds {

    private static final Logger log = LoggerFactory.getLogger(BillingSourceDeductibleBounds.class);
    private static final ParameterizedTypeReference<Map<String, Object>> BODY = new ParameterizedTypeReference<>() { };

    private final WebClient billing;
    private final ReactiveCircuitBreaker breaker;
    private final Duration timeout;
    private final Counter unavailable;
    private final Duration remembered;
    private final Clock clock;
    private final Map<String, Remembered> bounds = new ConcurrentHashMap<>();

    private record Remembered(long boundFen, Instant until) {
    }

    public BillingSourceDeductibleBounds(WebClient billing, ReactiveCircuitBreaker breaker, Duration timeout,
                                         Duration remembered, Clock clock, MeterRegistry meters) {
        this.billing = billing;
        this.remembered = remembered;
        this.clock = clock;
        this.breaker = breaker;
        this.timeout = timeout;
        this.unavailable = Counter.builder("referral.deductible.bound.unavailable")
                .description("Submissions whose source-deductible bound billing could not answer in time")
                .register(meters);
    }

    @Override
    public Mono<Long> boundFen(String insuranceRegionCode, InsuranceScheme scheme, InstitutionId sourceInstitutionId,
                               LocalDate admissionDate) {
        String key = String.join("|", insuranceRegionCode, scheme.name(), sourceInstitutionId.value(),
                Integer.toString(admissionDate.getYear()));
        Remembered known = bounds.get(key);
        if (known != null && known.until().isAfter(clock.instant())) {
            return Mono.just(known.boundFen());
        }
        return read(insuranceRegionCode, scheme, sourceInstitutionId.value(), admissionDate)
                .doOnNext(bound -> {
                    if (bounds.size() > 10_000) {
                        bounds.clear();
                    }
                    bounds.put(key, new Remembered(bound, clock.instant().plus(remembered)));
                });
    }

    private Mono<Long> read(String insuranceRegionCode, InsuranceScheme scheme, String sourceInstitutionId,
                            LocalDate admissionDate) {
        Mono<Long> read = doctorsToken().flatMap(token -> billing.get()
                        .uri(uri -> uri.path("/deductible-check")
                                .queryParam("regionCode", insuranceRegionCode)
                                .queryParam("scheme", scheme.name())
                                .queryParam("sourceInstitutionId", sourceInstitutionId)
                                .queryParam("admissionDate", admissionDate)
                                .queryParam("deductiblePaidFen", 0)
                                .build())
                        .headers(headers -> headers.setBearerAuth(token))
                        .retrieve()
                        .bodyToMono(BODY))
                .flatMap(body -> body.get("boundFen") instanceof Number bound ? Mono.just(bound.longValue())
                        : Mono.empty())
                .onErrorResume(WebClientResponseException.NotFound.class, noSchedule -> Mono.empty())
                .timeout(timeout);
        return breaker.run(read, failure -> {
            unavailable.increment();
            log.warn("billing-service did not answer the source-deductible bound ({}); the submission goes ahead "
                    + "and billing's decision holds the bound", failure.toString());
            return Mono.empty();
        });
    }

    private static Mono<String> doctorsToken() {
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(context -> context.getAuthentication() instanceof JwtAuthenticationToken jwt
                        ? jwt.getToken().getTokenValue() : null);
    }
}
