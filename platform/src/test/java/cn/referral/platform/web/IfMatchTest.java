package cn.referral.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpStatus;

/**
 * If-Match as clients send it: the ETag they read, strong or weak, quoted or not; 428 without it where a
 * change needs it, 400 on the field when it names no version.
 */
class IfMatchTest {

    @ParameterizedTest
    @ValueSource(strings = {"\"3\"", "W/\"3\"", "3", " \"3\" "})
    void everyFormOfAnETagNamesItsVersion(String header) {
        assertThat(IfMatch.required(header)).isEqualTo(3L);
        assertThat(IfMatch.optional(header)).isEqualTo(3L);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   "})
    void noHeaderIsNoVersionWhereOneIsOptionalAnd428WhereAChangeNeedsIt(String header) {
        assertThat(IfMatch.optional(header)).isNull();
        assertThatThrownBy(() -> IfMatch.required(header)).isInstanceOfSatisfying(ProblemException.class,
                problem -> assertThat(problem.status()).isEqualTo(HttpStatus.PRECONDITION_REQUIRED));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"abc\"", "-3", "*", "\"3\", \"4\"", "1234567890123456789"})
    void aHeaderThatNamesNoVersionIsAFieldErrorOnIfMatch(String header) {
        assertThatThrownBy(() -> IfMatch.required(header)).isInstanceOfSatisfying(ProblemException.class,
                problem -> {
                    assertThat(problem.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                    assertThat(problem.toProblemDetail().getProperties())
                            .containsEntry("errors", List.of(new FieldError("If-Match",
                                    "must be the ETag of the version you read, e.g. \"3\"")));
                });
    }
}
