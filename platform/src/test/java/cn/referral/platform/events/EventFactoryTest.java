package cn.referral.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

class EventFactoryTest {

    private static final Instant NOW = Instant.parse("2026-11-24T08:00:00Z");
    private static final Traceparent REQUEST_TRACE =
            Traceparent.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01").orElseThrow();

    record ReferralAcceptedV1(String referralId, String appointmentAt) {
    }

    private final AtomicInteger ids = new AtomicInteger();
    private final EventFactory events = new EventFactory(JsonMapper.builder().build(),
            Clock.fixed(NOW, ZoneOffset.UTC), () -> "event-" + ids.incrementAndGet());

    @Test
    void anEventMadeInsideARequestCarriesTheRequestsTraceId() {
        StepVerifier.create(events.event("referral.events.v1", "referral.accepted.v1", "ref-1",
                                new ReferralAcceptedV1("ref-1", "2026-11-25T09:00:00Z"))
                        .contextWrite(TraceContext.with(REQUEST_TRACE)))
                .assertNext(event -> {
                    Traceparent carried = Traceparent.parse(event.traceparent()).orElseThrow();
                    assertThat(carried.traceId()).isEqualTo(REQUEST_TRACE.traceId());
                    assertThat(carried.parentId()).isNotEqualTo(REQUEST_TRACE.parentId());
                })
                .verifyComplete();
    }

    @Test
    void anEventIsKeyedByTheAggregateAndCarriesItsPayloadAsJson() {
        StepVerifier.create(events.event("referral.events.v1", "referral.accepted.v1", "ref-1",
                        new ReferralAcceptedV1("ref-1", "2026-11-25T09:00:00Z")))
                .assertNext(event -> {
                    assertThat(event.eventId()).isEqualTo("event-1");
                    assertThat(event.topic()).isEqualTo("referral.events.v1");
                    assertThat(event.type()).isEqualTo("referral.accepted.v1");
                    assertThat(event.key()).isEqualTo("ref-1");
                    assertThat(event.subject()).isEqualTo("ref-1");
                    assertThat(event.time()).isEqualTo(NOW);
                    assertThat(event.payload())
                            .isEqualTo("{\"referralId\":\"ref-1\",\"appointmentAt\":\"2026-11-25T09:00:00Z\"}");
                    assertThat(event.isTombstone()).isFalse();
                    assertThat(Traceparent.parse(event.traceparent())).as("a new trace outside a request")
                            .isPresent();
                })
                .verifyComplete();
    }

    @Test
    void aTombstoneHasNoPayload() {
        StepVerifier.create(events.tombstone("registry.institutions.v1", "registry.institution.v1", "inst-1"))
                .assertNext(event -> {
                    assertThat(event.isTombstone()).isTrue();
                    assertThat(event.payload()).isNull();
                    assertThat(event.key()).isEqualTo("inst-1");
                })
                .verifyComplete();
    }

    @Test
    void everyEventGetsItsOwnId() {
        OutboxEvent first = events.event("t", "t.v1", "k", new ReferralAcceptedV1("k", null)).block();
        OutboxEvent second = events.event("t", "t.v1", "k", new ReferralAcceptedV1("k", null)).block();

        assertThat(first.eventId()).isNotEqualTo(second.eventId());
    }
}
