package cn.referral.registry.adapter.in.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import cn.referral.platform.application.NotPermitted;
import cn.referral.platform.web.FieldError;
import cn.referral.platform.web.ProblemException;
import cn.referral.platform.web.ProblemMapping;
import cn.referral.platform.web.ProblemTypes;
import cn.referral.registry.application.DuplicateContract;
import cn.referral.registry.application.DuplicateInstitution;
import cn.referral.registry.application.DuplicateRecord;
import cn.referral.platform.application.NotFound;
import cn.referral.registry.domain.RegistryRuleViolation;
import cn.referral.registry.domain.StaleVersion;

/** Registry errors as problems; the platform's handler renders them as problem+json. */
@Component
class RegistryProblems implements ProblemMapping {

    @Override
    public ProblemException toProblem(Throwable error) {
        if (error instanceof DuplicateInstitution duplicate) {
            return ProblemException.conflict("Institution already registered", duplicate.getMessage())
                    .with("organisationCode", duplicate.organisationCode());
        }
        if (error instanceof DuplicateContract duplicate) {
            return ProblemException.conflict("Patient already contracted", duplicate.getMessage())
                    .with("existingContractId", duplicate.existingContractId());
        }
        if (error instanceof DuplicateRecord duplicate) {
            return ProblemException.conflict("Already exists", duplicate.getMessage());
        }
        if (error instanceof NotFound missing) {
            return ProblemException.notFound(missing.what(), missing.id());
        }
        if (error instanceof StaleVersion stale) {
            return new ProblemException(HttpStatus.PRECONDITION_FAILED, ProblemTypes.PRECONDITION_FAILED,
                    "Version changed", stale.getMessage()).with("currentVersion", stale.currentVersion());
        }
        if (error instanceof NotPermitted notPermitted) {
            return new ProblemException(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "Forbidden",
                    notPermitted.getMessage());
        }
        if (error instanceof RegistryRuleViolation violation) {
            ProblemException problem = ProblemException.unprocessable(ProblemTypes.of("registry/" + violation.code()),
                    "Registry rule violated", violation.getMessage()).with("rule", violation.code());
            return violation.field() == null ? problem
                    : problem.with("errors", List.of(new FieldError(violation.field(), violation.getMessage())));
        }
        return null;
    }
}
