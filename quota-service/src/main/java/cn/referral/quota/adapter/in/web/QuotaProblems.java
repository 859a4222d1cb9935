package cn.referral.quota.adapter.in.web;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import cn.referral.platform.web.ProblemException;
import cn.referral.platform.web.ProblemMapping;
import cn.referral.platform.web.ProblemTypes;
import cn.referral.quota.application.DuplicatePool;
import cn.referral.quota.domain.pool.PoolStateConflict;

/**
 * The ledger's own errors as problems; the platform's handler renders them as problem+json and maps the shared
 * ones (not found, not permitted, rule violations) itself.
 */
@Component
class QuotaProblems implements ProblemMapping {

    @Override
    public ProblemException toProblem(Throwable error) {
        if (error instanceof PoolStateConflict conflict) {
            return new ProblemException(HttpStatus.CONFLICT, ProblemTypes.of("quota/" + conflict.code()),
                    "Pool state does not allow this", conflict.getMessage()).with("code", conflict.code());
        }
        if (error instanceof DuplicatePool duplicate) {
            return ProblemException.conflict("Pool exists already", duplicate.getMessage())
                    .with("code", "duplicate-pool");
        }
        return null;
    }
}
