package cn.referral.referral.adapter.out.billing;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreakerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

import cn.referral.referral.application.port.out.SourceDeductibleBounds;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The one synchronous read referral-service makes of another service: the source-deductible bound from
 * billing ({@code referral.billing-url}, {@code BILLING_URL}). Without a URL there is nothing to ask, and
 * billing's decision alone holds the bound.
 */
@Configuration(proxyBeanMethods = false)
class BillingReadConfiguration {

    @Bean
    SourceDeductibleBounds sourceDeductibleBounds(@Value("${referral.billing-url:}") String billingUrl,
                                                  @Value("${referral.billing-timeout:800ms}") Duration timeout,
                                                  @Value("${referral.billing-bounds-remembered:60s}") Duration remembered,
                                                  Clock clock,
                                                  ObjectProvider<WebClient.Builder> builders,
                                                  ReactiveCircuitBreakerFactory<?, ?> breakers, MeterRegistry meters) {
        if (billingUrl == null || billingUrl.isBlank()) {
            return SourceDeductibleBounds.UNKNOWN;
        }
        WebClient billing = builders.getIfAvailable(WebClient::builder).baseUrl(billingUrl).build();
        return new BillingSourceDeductibleBounds(billing, breakers.create("billing-reference"), timeout,
                remembered, clock, meters);
    }
}
