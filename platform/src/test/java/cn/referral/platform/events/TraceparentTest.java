package cn.referral.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TraceparentTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    @Test
    void readsTheTraceAndParentIdOfAValidHeader() {
        Traceparent trace = Traceparent.parse("00-" + TRACE_ID + "-00f067aa0ba902b7-01").orElseThrow();

        assertThat(trace.traceId()).isEqualTo(TRACE_ID);
        assertThat(trace.parentId()).isEqualTo("00f067aa0ba902b7");
        assertThat(trace.header()).isEqualTo("00-" + TRACE_ID + "-00f067aa0ba902b7-01");
    }

    @Test
    void toleratesSurroundingWhitespace() {
        assertThat(Traceparent.parse("  00-" + TRACE_ID + "-00f067aa0ba902b7-00 ")).map(Traceparent::traceId)
                .contains(TRACE_ID);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "garbage",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7",          // no flags
            "00-4BF92F3577B34DA6A3CE929D0E0E4736-00F067AA0BA902B7-01",       // upper case is not allowed
            "00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01",        // trace id too short
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b-01",        // parent id too short
            "00-00000000000000000000000000000000-00f067aa0ba902b7-01",       // all-zero trace id
            "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",       // all-zero parent id
            "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",       // forbidden version
    })
    void rejectsInvalidHeaders(String header) {
        assertThat(Traceparent.parse(header)).isEmpty();
    }

    @Test
    void aChildSpanKeepsTheTraceIdAndGetsANewParentId() {
        Traceparent parent = Traceparent.parse("00-" + TRACE_ID + "-00f067aa0ba902b7-01").orElseThrow();

        Traceparent child = parent.child();

        assertThat(child.traceId()).isEqualTo(TRACE_ID);
        assertThat(child.parentId()).isNotEqualTo(parent.parentId()).matches("[0-9a-f]{16}");
        assertThat(Traceparent.parse(child.header())).contains(child);
    }

    @Test
    void newRootsAreValidAndDistinct() {
        Traceparent one = Traceparent.newRoot();
        Traceparent other = Traceparent.newRoot();

        assertThat(Traceparent.parse(one.header())).contains(one);
        assertThat(one.traceId()).isNotEqualTo(other.traceId());
    }

    @Test
    void recognisesABareTraceIdAsCorrelationId() {
        assertThat(Traceparent.isTraceId(TRACE_ID)).isTrue();
        assertThat(Traceparent.isTraceId("0".repeat(32))).isFalse();
        assertThat(Traceparent.isTraceId("not-a-trace-id")).isFalse();
        assertThat(Traceparent.isTraceId(null)).isFalse();
    }
}
