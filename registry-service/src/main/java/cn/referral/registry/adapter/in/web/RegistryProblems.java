package cn.referral.registry.adapter.in.web;

import org.springframework.stereotype.Component;

import cn.referral.platform.web.ProblemException;
import cn.referral.platform.web.ProblemMapping;
import cn.referral.registry.application.DuplicateContract;
import cn.referral.registry.application.DuplicateInstitution;
import cn.referral.registry.application.DuplicateRecord;

/**
 * The registry's own errors as problems; the platform's handler renders them as problem+json and maps the
 * shared ones (not found, not permitted, a stale version, rule violations) itself.
 */
@Component
class RegistryProblems implements ProblemMapping {

    @Override
    public ProblemException toProblem(Throwable error) {
        if (error instanceof DuplicateInstitution duplicate) {
            return ProblemException.conflict("Institution already registered", duplicate.getMessage())
                    .with("code", "duplicate-institution")
                    .with("organisationCode", duplicate.organisationCode());
        }
        if (error instanceof DuplicateContract duplicate) {
            return ProblemException.conflict("Patient already contracted", duplicate.getMessage())
                    .with("code", "duplicate-contract")
                    .with("existingContractId", duplicate.existingContractId());
        }
        if (error instanceof DuplicateRecord duplicate) {
            return ProblemException.conflict("Already exists", duplicate.getMessage()).with("code", "duplicate-record");
        }
        return null;
    }
}
