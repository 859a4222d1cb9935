package cn.referral.referral.adapter.in.web;

import java.util.TreeSet;

import org.springframework.stereotype.Component;

import cn.referral.platform.web.ProblemException;
import cn.referral.platform.web.ProblemMapping;
import cn.referral.platform.web.ProblemTypes;
import cn.referral.platform.web.SharedProblems;
import cn.referral.referral.application.ActionNotAllowed;
import cn.referral.referral.application.IdempotencyKeyReused;
import cn.referral.referral.domain.referral.IllegalTransition;
import cn.referral.referral.domain.referral.ReferralRuleViolation;

/**
 * Referral's own errors as problems, and a rule violation's policy explanation; the platform's handler renders
 * them as problem+json and maps the shared ones (not found, not permitted, a stale version, rule violations)
 * itself.
 */
@Component
class ReferralProblems implements ProblemMapping {

    @Override
    public ProblemException toProblem(Throwable error) {
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
                    "Idempotency-Key reused", reused.getMessage()).with("code", "idempotency-key-reused");
        }
        if (error instanceof ReferralRuleViolation violation && !violation.explanation().isEmpty()) {
            return SharedProblems.ruleViolated(violation).with("explanation", violation.explanation());
        }
        return null;
    }
}
