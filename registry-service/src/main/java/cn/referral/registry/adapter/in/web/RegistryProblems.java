package cn.referral.registry.adapter.in.web;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import cn.referral.platform.web.ProblemException;
import cn.referral.platform.web.ProblemMapping;
import cn.referral.platform.web.ProblemTypes;
import cn.referral.registry.application.DuplicateInstitution;
import cn.referral.registry.domain.RegistryRuleViolation;

/** Registry errors as problems; the platform's handler renders them as problem+json. */
@Component
class RegistryProblems implements ProblemMapping {

    @Override
    public ProblemException toProblem(Throwable error) {
        if (error instanceof DuplicateInstitution duplicate) {
            return ProblemException.conflict("Institution already registered", duplicate.getMessage())
                    .with("organisationCode", duplicate.organisationCode());
        }
        if (error instanceof RegistryRuleViolation violation) {
            return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT,
                    ProblemTypes.of("registry/" + violation.code()), "Registry rule violated", violation.getMessage());
        }
        return null;
    }
}
