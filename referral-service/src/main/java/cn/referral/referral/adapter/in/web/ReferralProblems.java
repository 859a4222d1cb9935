package cn.referral.referral.adapter.in.web;

import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import cn.referral.platform.web.FieldError;
import cn.referral.platform.web.ProblemException;
import cn.referral.platform.web.ProblemMapping;
import cn.referral.platform.web.ProblemTypes;
import cn.referral.referral.application.ActionNotAllowed;
import cn.referral.referral.application.IdempotencyKeyReused;
import cn.referral.platform.application.NotFound;
import cn.referral.referral.application.NotPermitted;
import cn.referral.referral.application.port.out.StaleReferral;
import cn.referral.referral.domain.referral.IllegalTransition;
import cn.referral.referral.domain.referral.ReferralRuleViolation;

/** Referral errors as problems; the platform's handler renders them as problem+json. */
@Component
class ReferralProblems implements ProblemMapping {

    private static final Pattern FIELD = Pattern.compile("^([A-Za-z][A-Za-z.\\[\\]]*): ");

    @Override
    public ProblemException toProblem(Throwable error) {
        if (error instanceof NotFound notFound) {
            return ProblemException.notFound(notFound.what(), notFound.id());
        }
        if (error instanceof NotPermitted denied) {
            return new ProblemException(HttpStatus.FORBIDDEN, ProblemTypes.of("referral/" + denied.code()),
                    "Not permitted", denied.getMessage());
        }
        if (error instanceof StaleReferral stale) {
            return new ProblemException(HttpStatus.PRECONDITION_FAILED, ProblemTypes.PRECONDITION_FAILED,
                    "Referral changed", "The referral changed since version " + stale.expectedVersion()
                    + "; read it again and retry with its new ETag").with("referralId", stale.referralId());
        }
        if (error instanceof ActionNotAllowed illegal) {
            return ProblemException.conflict("Action not allowed in this state", illegal.getMessage())
                    .with("code", illegal.code())
                    .with("currentState", illegal.state().name())
                    .with("allowedActions", new TreeSet<>(illegal.allowedActions()));
        }
        if (error instanceof IllegalTransition illegal) {
            return ProblemException.conflict("Action not allowed in this state", illegal.getMessage())
                    .with("code", illegal.code()).with("currentState", illegal.state().name());
        }
        if (error instanceof IdempotencyKeyReused reused) {
            return ProblemException.unprocessable(ProblemTypes.of("referral/idempotency-key-reused"),
                    "Idempotency-Key reused", reused.getMessage());
        }
        if (error instanceof ReferralRuleViolation violation) {
            ProblemException problem = ProblemException.unprocessable(ProblemTypes.of("referral/" + violation.code()),
                    "Referral rule violated", violation.getMessage()).with("code", violation.code());
            Matcher field = FIELD.matcher(violation.getMessage());
            if (field.find()) {
                problem.with("errors", List.of(new FieldError(field.group(1),
                        violation.getMessage().substring(field.end()))));
            }
            if (!violation.explanation().isEmpty()) {
                problem.with("explanation", violation.explanation());
            }
            return problem;
        }
        return null;
    }
}
