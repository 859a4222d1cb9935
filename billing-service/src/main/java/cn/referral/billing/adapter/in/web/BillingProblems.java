package cn.referral.billing.adapter.in.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import cn.referral.billing.domain.BillingRuleViolation;
import cn.referral.platform.application.NotPermitted;
import cn.referral.platform.web.FieldError;
import cn.referral.platform.web.ProblemException;
import cn.referral.platform.web.ProblemMapping;
import cn.referral.platform.web.ProblemTypes;

/** Billing errors as problems; the platform's handler renders them as problem+json. */
@Component
class BillingProblems implements ProblemMapping {

    @Override
    public ProblemException toProblem(Throwable error) {
        if (error instanceof BillingRuleViolation violation) {
            return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, ProblemTypes.of("billing/" + violation.code()),
                    "Billing rule violated", violation.field() + ": " + violation.getMessage())
                    .with("errors", List.of(new FieldError(violation.field(), violation.getMessage())));
        }
        if (error instanceof NotPermitted denied) {
            return new ProblemException(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "Forbidden", denied.getMessage());
        }
        return null;
    }
}
