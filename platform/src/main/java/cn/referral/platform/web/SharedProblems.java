package cn.referral.platform.web;

import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpStatus;

import cn.referral.platform.application.NotFound;
import cn.referral.platform.application.NotPermitted;
import cn.referral.platform.domain.RuleViolation;
import cn.referral.platform.domain.StaleVersion;

/**
 * The problems of the errors every service shares, mapped once here instead of in each service's
 * {@link ProblemMapping}: {@link NotFound} 404, {@link NotPermitted} 403 (with the {@code code} of the rule
 * that forbids it), {@link StaleVersion} 412 (code {@code stale-version}, with {@code currentVersion} where it is known) and
 * {@link RuleViolation} 422 (type {@code <area>/<code>}, member {@code code}, {@code errors} where it names a
 * field). The platform's handler asks it after the service's own mappings, so a service can add members, as
 * referral adds a policy's {@code explanation} to {@link #ruleViolated}.
 */
public final class SharedProblems implements ProblemMapping {

    /** The {@code code} member of every stale write. */
    public static final String STALE_VERSION = "stale-version";

    @Override
    public ProblemException toProblem(Throwable error) {
        if (error instanceof NotFound notFound) {
            return new ProblemException(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, notFound.what() + " not found",
                    notFound.getMessage());
        }
        if (error instanceof NotPermitted denied) {
            return ProblemException.forbidden(denied.getMessage()).with("code", denied.code());
        }
        if (error instanceof StaleVersion stale) {
            return staleVersion(stale);
        }
        if (error instanceof RuleViolation violation) {
            return ruleViolated(violation);
        }
        return null;
    }

    /**
     * 422 for a broken domain rule: type {@code <area>/<code>}, title "{@code <Area>} rule violated", member
     * {@code code}; detail the message, after "{@code field}: " and with {@code errors} when a field is named.
     */
    public static ProblemException ruleViolated(RuleViolation violation) {
        String title = violation.area().substring(0, 1).toUpperCase(Locale.ROOT) + violation.area().substring(1)
                + " rule violated";
        String detail = violation.field() == null ? violation.getMessage()
                : violation.field() + ": " + violation.getMessage();
        ProblemException problem = ProblemException.unprocessable(
                ProblemTypes.of(violation.area() + "/" + violation.code()), title, detail)
                .with("code", violation.code());
        return violation.field() == null ? problem
                : problem.with("errors", List.of(new FieldError(violation.field(), violation.getMessage())));
    }

    private static ProblemException staleVersion(StaleVersion stale) {
        ProblemException problem = new ProblemException(HttpStatus.PRECONDITION_FAILED,
                ProblemTypes.PRECONDITION_FAILED, "Version changed",
                stale.getMessage() + ": read it again and retry with its new ETag")
                .with("code", STALE_VERSION);
        return stale.currentVersion() == null ? problem : problem.with("currentVersion", stale.currentVersion());
    }
}
