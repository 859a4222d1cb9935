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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.server.ServerWebInputException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A request body's dates, times and durations are read from their ISO 8601 text only: a number (seconds or days
 * since 1970), a list ({@code [2026, 1, 1]}) or, for a date, text with a time is refused and named, where Jackson
 * would take it. Numbers, booleans and codes are read only from their own JSON type.
 */
class StrictRequestBodiesTest {

    /** A request body with every kind of {@code java.time} value a request might carry. */
    record Times(Instant occurredAt, LocalDate date, LocalTime time, Duration duration, OffsetDateTime offsetDateTime,
                 ZonedDateTime zonedDateTime, LocalDateTime localDateTime) {
    }

    /** A request body with every kind of number, boolean and code a request might carry. */
    record Scalars(int quantity, long sizeBytes, boolean active, Integer count, Double share, Level level) {
    }

    enum Level { LOW, HIGH }

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
            "occurredAt     | true", "date           | {}",
            "date           | \"2026-11-25T08:00:00\"", "date           | \"2026-11-25T08:00:00Z\""})
    void aValueThatIsNotTextIsRefusedNamingTheField(String field, String value) {
        assertRefusedNaming(field, value, Times.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "quantity  | \"7\"", "quantity  | 1.5", "quantity  | true",
            "sizeBytes | \"7\"", "sizeBytes | 7.0",
            "active    | \"true\"", "active    | 1", "active    | 0",
            "count     | \"7\"", "count     | 7.5",
            "share     | \"0.5\"", "share     | false",
            "level     | 0", "level     | 1"})
    void aNumberBooleanOrCodeOfAnotherJsonTypeIsRefusedNamingTheField(String field, String value) {
        assertRefusedNaming(field, value, Scalars.class);
    }

    /** The Scalars body with each primitive given (a missing one is refused too) and {@code field} set to {@code value}. */
    private static String scalars(String field, String value) {
        Map<String, String> fields = new LinkedHashMap<>(Map.of("quantity", "1", "sizeBytes", "1", "active", "false"));
        fields.put(field, value);
        return fields.entrySet().stream().map(entry -> "\"" + entry.getKey() + "\":" + entry.getValue())
                .collect(Collectors.joining(",", "{", "}"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "quantity | 7", "sizeBytes | 7", "active | true", "count | 7", "count | null", "share | 0.5",
            "share | 1", "level | \"HIGH\""})
    void aNumberBooleanOrCodeOfItsOwnJsonTypeIsReadAsTheServicesMapperReadsIt(String field, String value) {
        String body = scalars(field, value);

        assertThat(strict.readValue(body, Scalars.class)).isEqualTo(configured.readValue(body, Scalars.class));
    }

    private void assertRefusedNaming(String field, String value, Class<?> type) {
        String body = type == Scalars.class ? scalars(field, value) : "{\"" + field + "\":" + value + "}";
        JacksonException refused = catchThrowableOfType(JacksonException.class, () -> strict.readValue(body, type));

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
