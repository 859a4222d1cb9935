package cn.referral.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.server.ResponseStatusException;

class ProblemWebExceptionHandlerTest {

    /** A service's own mapping, e.g. of a domain rule violation. */
    static final class QuotaExhausted extends RuntimeException {
    }

    private final ProblemMapping quotaMapping = error -> error instanceof QuotaExhausted
            ? ProblemException.conflict("No reserved slot left", "The reserve of this pool is used up")
            : null;

    private final ProblemWebExceptionHandler handler =
            new ProblemWebExceptionHandler(ServerCodecConfigurer.create(), List.of(quotaMapping));

    @Test
    void aProblemExceptionKeepsItsStatusTypeAndMembers() {
        ProblemDetail problem = handler.toProblem(ProblemException.notFound("Referral", "r-1"), "trace");

        assertThat(problem.getStatus()).isEqualTo(404);
        assertThat(problem.getType()).isEqualTo(ProblemTypes.NOT_FOUND);
        assertThat(problem.getTitle()).isEqualTo("Referral not found");
        assertThat(problem.getDetail()).isEqualTo("No referral with id r-1");
    }

    @Test
    void anInvalidFieldIsListedByName() {
        ProblemDetail problem = handler.toProblem(ProblemException.invalidField("diagnosis", "unknown ICD-10 code"),
                null);

        assertThat(problem.getStatus()).isEqualTo(400);
        assertThat(problem.getType()).isEqualTo(ProblemTypes.VALIDATION);
        assertThat(problem.getProperties()).containsEntry("errors",
                List.of(new FieldError("diagnosis", "unknown ICD-10 code")));
    }

    @Test
    void aServicesOwnExceptionIsMappedByItsProblemMapping() {
        ProblemDetail problem = handler.toProblem(new QuotaExhausted(), null);

        assertThat(problem.getStatus()).isEqualTo(409);
        assertThat(problem.getType()).isEqualTo(ProblemTypes.CONFLICT);
        assertThat(problem.getTitle()).isEqualTo("No reserved slot left");
    }

    @Test
    void aStatusExceptionGetsTheStableTypeOfItsStatus() {
        ProblemDetail problem = handler.toProblem(new ResponseStatusException(HttpStatus.CONFLICT, "taken"), null);

        assertThat(problem.getStatus()).isEqualTo(409);
        assertThat(problem.getType()).isEqualTo(ProblemTypes.CONFLICT);
        assertThat(problem.getDetail()).isEqualTo("taken");
    }

    @Test
    void anUnexpectedErrorRevealsNothingAboutItsCause() {
        ProblemDetail problem = handler.toProblem(
                new IllegalStateException("connection to 10.0.0.7:27017 refused by db-admin"), "abc");

        assertThat(problem.getStatus()).isEqualTo(500);
        assertThat(problem.getType()).isEqualTo(ProblemTypes.INTERNAL);
        assertThat(problem.getDetail()).doesNotContain("IllegalStateException", "10.0.0.7", "db-admin");
    }
}
