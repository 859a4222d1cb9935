package cn.referral.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.server.ResponseStatusException;

import cn.referral.platform.application.NotFound;
import cn.referral.platform.application.NotPermitted;
import cn.referral.platform.domain.RuleViolation;
import cn.referral.platform.domain.StaleVersion;

class ProblemWebExceptionHandlerTest {

    /** A service's own mapping, e.g. of a domain rule violation. */
    static final class QuotaExhausted extends RuntimeException {
    }

    /** A service's rule violation, as each service declares one. */
    static final class ReserveRuleViolation extends RuleViolation {

        ReserveRuleViolation(String code, String field, String message) {
            super("quota", code, field, message);
        }
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

    @Test
    void notFoundIsTheSame404AsAProblemExceptionSayingWhatWasNotFound() {
        ProblemDetail problem = handler.toProblem(new NotFound("Referral", "r-1"), null);

        assertThat(problem.getStatus()).isEqualTo(404);
        assertThat(problem).isEqualTo(handler.toProblem(ProblemException.notFound("Referral", "r-1"), null));
    }

    @Test
    void aDescribedNotFoundSaysInWordsWhatWasLookedForAndNoId() {
        ProblemDetail problem = handler.toProblem(
                NotFound.described("Contract", "The patient has no family-doctor contract"), null);

        assertThat(problem.getStatus()).isEqualTo(404);
        assertThat(problem.getType()).isEqualTo(ProblemTypes.NOT_FOUND);
        assertThat(problem.getTitle()).isEqualTo("Contract not found");
        assertThat(problem.getDetail()).isEqualTo("The patient has no family-doctor contract");
    }

    @Test
    void notPermittedIsA403ForbiddenNamingTheRuleByItsCode() {
        ProblemDetail coded = handler.toProblem(new NotPermitted("not-entitled", "Your role may not accept"), null);

        assertThat(coded.getStatus()).isEqualTo(403);
        assertThat(coded.getType()).isEqualTo(ProblemTypes.FORBIDDEN);
        assertThat(coded.getTitle()).isEqualTo("Forbidden");
        assertThat(coded.getDetail()).isEqualTo("Your role may not accept");
        assertThat(coded.getProperties()).containsEntry("code", "not-entitled");

        assertThatThrownBy(() -> new NotPermitted(null, "Registry administrators only"))
                .as("every refusal names its rule").isInstanceOf(NullPointerException.class);
    }

    @Test
    void aStaleVersionIsA412TellingToReadAgainWithTheCurrentVersionWhereKnown() {
        ProblemDetail known = handler.toProblem(new StaleVersion("Record", "inst-1", 1, 2L), null);

        assertThat(known.getStatus()).isEqualTo(412);
        assertThat(known.getType()).isEqualTo(ProblemTypes.PRECONDITION_FAILED);
        assertThat(known.getTitle()).isEqualTo("Version changed");
        assertThat(known.getDetail()).isEqualTo("Record inst-1 is at version 2, not 1: read it again and retry "
                + "with its new ETag");
        assertThat(known.getProperties()).containsEntry("code", "stale-version").containsEntry("currentVersion", 2L);

        ProblemDetail unknown = handler.toProblem(new StaleVersion("Referral", "r-1", 3, null), null);
        assertThat(unknown.getStatus()).isEqualTo(412);
        assertThat(members(unknown)).containsEntry("code", "stale-version").doesNotContainKey("currentVersion");
    }

    @Test
    void aRuleViolationIsA422TypedByItsAreaAndCodeListingTheFieldWhereItNamesOne() {
        ProblemDetail withField = handler.toProblem(
                new ReserveRuleViolation("reserved-share", "reserved", "reserve at least 10"), null);

        assertThat(withField.getStatus()).isEqualTo(422);
        assertThat(withField.getType()).isEqualTo(ProblemTypes.of("quota/reserved-share"));
        assertThat(withField.getTitle()).isEqualTo("Quota rule violated");
        assertThat(withField.getDetail()).isEqualTo("reserved: reserve at least 10");
        assertThat(withField.getProperties()).containsEntry("code", "reserved-share")
                .containsEntry("errors", List.of(new FieldError("reserved", "reserve at least 10")));

        ProblemDetail withoutField = handler.toProblem(
                new ReserveRuleViolation("reserved-share", null, "reserve at least 10"), null);
        assertThat(withoutField.getDetail()).isEqualTo("reserve at least 10");
        assertThat(members(withoutField)).containsEntry("code", "reserved-share").doesNotContainKey("errors");
    }

    @Test
    void aServicesOwnMappingIsAskedBeforeTheSharedOnes() {
        ProblemWebExceptionHandler withOwn = new ProblemWebExceptionHandler(ServerCodecConfigurer.create(),
                List.of(error -> error instanceof NotFound ? ProblemException.conflict("Own", "own") : null));

        assertThat(withOwn.toProblem(new NotFound("Referral", "r-1"), null).getTitle()).isEqualTo("Own");
    }

    /** The problem's extra members, none when it has none. */
    private static Map<String, Object> members(ProblemDetail problem) {
        return problem.getProperties() == null ? Map.of() : problem.getProperties();
    }
}
