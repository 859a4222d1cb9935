package cn.referral.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.InstanceOfAssertFactories.list;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.server.ServerWebInputException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A request body's dates, times and durations are read from their ISO 8601 text only: a number (seconds or days
 * since 1970) or a list ({@code [2026, 1, 1]}) is refused and named, where Jackson would take it.
 */
class StrictRequestBodiesTest {

    /** A request body with every kind of {@code java.time} value a request might carry. */
    record Times(Instant occurredAt, LocalDate date, LocalTime time, Duration duration, OffsetDateTime offsetDateTime,
                 ZonedDateTime zonedDateTime, LocalDateTime localDateTime) {
    }

    private final JsonMapper configured = JsonMapper.builder().build();
    private final JsonMapper strict = StrictRequestBodies.mapper(configured);
    private final ProblemWebExceptionHandler handler =
            new ProblemWebExceptionHandler(ServerCodecConfigurer.create(), List.of());

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "occurredAt     | 1700000000", "occurredAt     | 1.7e9", "occurredAt     | [2026,1,1]",
            "date           | 12345", "date           | 1.5", "date           | [2026,1,1]",
            "time           | 28800", "time           | [8,0]",
            "duration       | 300", "duration       | 1.5",
            "offsetDateTime | 1700000000", "offsetDateTime | 1.7e9",
            "zonedDateTime  | 1700000000", "localDateTime  | 1700000000", "localDateTime  | [2026,1,1,8,0]",
            "occurredAt     | true", "date           | {}"})
    void aValueThatIsNotTextIsRefusedNamingTheField(String field, String value) {
        JacksonException refused = catchThrowableOfType(JacksonException.class,
                () -> strict.readValue("{\"" + field + "\":" + value + "}", Times.class));

        assertThat(refused).as("%s as %s", field, value).isNotNull();
        ProblemDetail problem = handler.toProblem(new ServerWebInputException("Failed to read HTTP message", null,
                refused), null);
        assertThat(problem.getStatus()).isEqualTo(400);
        assertThat(problem.getProperties().get("errors")).asInstanceOf(list(FieldError.class))
                .extracting(FieldError::field).containsExactly(field);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "occurredAt     | \"2026-11-25T08:00:00Z\"", "date | \"2026-11-25\"", "time | \"08:00\"",
            "duration       | \"PT30M\"", "offsetDateTime | \"2026-11-25T08:00:00+08:00\"",
            "zonedDateTime  | \"2026-11-25T08:00:00+08:00\"", "localDateTime  | \"2026-11-25T08:00:00\"",
            "occurredAt     | null"})
    void theIsoTextIsReadAsTheServicesMapperReadsIt(String field, String value) {
        String body = "{\"" + field + "\":" + value + "}";

        assertThat(strict.readValue(body, Times.class)).isEqualTo(configured.readValue(body, Times.class));
    }
}
