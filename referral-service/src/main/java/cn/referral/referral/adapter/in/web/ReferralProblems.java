package cn.referral.referral.adapter.in.web;

import java.util.List;
import java.util.TreeSet;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import cn.referral.platform.application.NotPermitted;
import cn.referral.platform.web.FieldError;
import cn.referral.platform.web.ProblemException;
import cn.referral.platform.web.ProblemMapping;
import cn.referral.platform.web.ProblemTypes;
import cn.referral.referral.application.ActionNotAllowed;
import cn.referral.referral.application.IdempotencyKeyReused;
import cn.referral.platform.application.NotFound;
import cn.referral.referral.application.port.out.StaleReferral;
import cn.referral.referral.domain.referral.IllegalTransition;
import cn.referral.referral.domain.referral.ReferralRuleViolation;

/** Referral errors as problems; the platform's handler renders them as problem+json. */
@Component
class ReferralProblems implements ProblemMapping {

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
                    + "; read it again and retry with its new ETag").with("referralId", stale.referralId().value());
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
            String detail = violation.field() == null ? violation.getMessage()
                    : violation.field() + ": " + violation.getMessage();
            ProblemException problem = ProblemException.unprocessable(ProblemTypes.of("referral/" + violation.code()),
                    "Referral rule violated", detail).with("code", violation.code());
            if (violation.field() != null) {
                problem.with("errors", List.of(new FieldError(violation.field(), violation.getMessage())));
            }
            if (!violation.explanation().isEmpty()) {
                problem.with("explanation", violation.explanation());
            }
            return problem;
        }
        return null;
    }
}
