package cn.referral.quota.adapter.in.web;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import cn.referral.platform.application.NotFound;
import cn.referral.platform.application.NotPermitted;
import cn.referral.platform.web.ProblemException;
import cn.referral.platform.web.ProblemTypes;
import cn.referral.platform.web.ProblemMapping;
import cn.referral.quota.application.DuplicatePool;
import cn.referral.quota.domain.PoolStateConflict;
import cn.referral.quota.domain.QuotaRuleViolation;

/** Ledger errors as problems; the platform's handler renders them as problem+json. */
@Component
class QuotaProblems implements ProblemMapping {

    @Override
    public ProblemException toProblem(Throwable error) {
        if (error instanceof QuotaRuleViolation violation) {
            return ProblemException.unprocessable(ProblemTypes.of("quota/" + violation.code()),
                    "Quota rule violated", violation.getMessage()).with("rule", violation.code());
        }
        if (error instanceof PoolStateConflict conflict) {
            return new ProblemException(HttpStatus.CONFLICT, ProblemTypes.of("quota/" + conflict.code()),
                    "Pool state does not allow this", conflict.getMessage()).with("code", conflict.code());
        }
        if (error instanceof DuplicatePool duplicate) {
            return ProblemException.conflict("Pool exists already", duplicate.getMessage());
        }
        if (error instanceof NotFound notFound) {
            return ProblemException.notFound(notFound.what(), notFound.id());
        }
        if (error instanceof NotPermitted notPermitted) {
            return new ProblemException(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "Forbidden",
                    notPermitted.getMessage());
        }
        return null;
    }
}
