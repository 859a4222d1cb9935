package cn.referral.platform.config;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.http.codec.CodecCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.annotation.Order;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.util.IdGenerator;
import org.springframework.util.JdkIdGenerator;

import cn.referral.platform.crypto.PatientDataCrypto;
import cn.referral.platform.crypto.PatientDataProperties;
import cn.referral.platform.crypto.SealedFields;
import cn.referral.platform.events.EventFactory;
import cn.referral.platform.events.TraceContext;
import cn.referral.platform.scheduling.PeriodicJob;
import cn.referral.platform.web.ProblemMapping;
import cn.referral.platform.web.ProblemWebExceptionHandler;
import cn.referral.platform.web.StrictRequestBodies;
import cn.referral.platform.web.TraceWebFilter;
import io.micrometer.context.ContextRegistry;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

/** The clock, ids, event factory, trace propagation and problem+json errors every service shares. */
@AutoConfiguration
@EnableConfigurationProperties(PatientDataProperties.class)
public class PlatformAutoConfiguration {

    static {
        // Reactor context key -> MDC, so log lines of a request or consumed event carry its trace id.
        ContextRegistry.getInstance().registerThreadLocalAccessor(TraceContext.TRACE_ID,
                () -> MDC.get(TraceContext.TRACE_ID),
                value -> MDC.put(TraceContext.TRACE_ID, value),
                () -> MDC.remove(TraceContext.TRACE_ID));
    }

    /** The one clock. Tests replace it to move time without sleeping. */
    @Bean
    @ConditionalOnMissingBean
    public Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Bean validation judges dates ({@code @PastOrPresent}, {@code @FutureOrPresent}) by the calendar
     * where the care happens (China, {@code platform.zone}), not by the server's zone: at 00:30 in
     * Shanghai "today" is already the next day while a UTC server still has the previous one.
     */
    @Bean
    @ConditionalOnClass(name = "jakarta.validation.Validator")
    public ValidationConfigurationCustomizer calendarOfCareForValidation(Clock clock,
            @Value("${platform.zone:Asia/Shanghai}") ZoneId zone) {
        return configuration -> configuration.clockProvider(() -> clock.withZone(zone));
    }

    /** The one id format: random UUIDs. */
    @Bean
    @ConditionalOnMissingBean
    public IdGenerator idGenerator() {
        return new JdkIdGenerator();
    }

    @Bean
    @ConditionalOnMissingBean
    public EventFactory eventFactory(JsonMapper json, Clock clock, IdGenerator ids) {
        return new EventFactory(json, clock, () -> ids.generateId().toString());
    }

    /** Only services that handle patient identifiers ask for it; they fail at startup without keys. */
    @Bean
    @Lazy
    @ConditionalOnMissingBean
    public PatientDataCrypto patientDataCrypto(PatientDataProperties properties) {
        return new PatientDataCrypto(properties);
    }

    /**
     * After a data key rotation, moves the values of every {@link SealedFields} the service declares to the
     * current key (and values of the first format to the current one), 100 documents a run, every
     * {@code platform.patient-data.reseal-interval}; docs/patient-data-keys.md. Only in services that seal.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.data.mongodb.core.ReactiveMongoTemplate")
    static class PatientDataReseal {

        @Bean
        @ConditionalOnBean(SealedFields.class)
        PeriodicJob patientDataReseal(List<SealedFields> sealed,
                                      @Value("${platform.patient-data.reseal-interval:5m}") Duration interval) {
            return new PeriodicJob("patient-data-reseal", interval,
                    () -> Flux.fromIterable(sealed).concatMap(fields -> fields.resealBatch(100)).then());
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    static class Web {

        @Bean
        TraceWebFilter traceWebFilter() {
            return new TraceWebFilter();
        }

        /**
         * Request bodies bind strictly ({@link StrictRequestBodies}). Only the server's request bodies (after Boot's
         * own JSON codec, order 0): events and the services' calls to each other read with the mapper as configured.
         */
        @Bean
        @Order(1)
        CodecCustomizer strictRequestBodies(JsonMapper json) {
            JsonMapper strict = StrictRequestBodies.mapper(json);
            return codecs -> {
                if (codecs instanceof ServerCodecConfigurer) {
                    codecs.defaultCodecs().jacksonJsonDecoder(new JacksonJsonDecoder(strict));
                }
            };
        }

        @Bean
        ProblemWebExceptionHandler problemWebExceptionHandler(ServerCodecConfigurer codecs,
                                                              ObjectProvider<ProblemMapping> mappings) {
            return new ProblemWebExceptionHandler(codecs, mappings.orderedStream().toList());
        }
    }
}
