package cn.referral.registry.domain.route;

import java.util.Objects;

import cn.referral.platform.domain.InstitutionId;
import cn.referral.registry.domain.catalog.CareType;
import cn.referral.registry.domain.catalog.DiagnosisCode;
import cn.referral.registry.domain.catalog.ReferralDirection;

/** Where can a patient with this diagnosis go from here, for this kind of care? {@code careType} may be null (any). */
public record RouteQuestion(InstitutionId fromInstitutionId, ReferralDirection direction, DiagnosisCode diagnosis,
                            CareType careType, int limit) {

    public RouteQuestion {
        Objects.requireNonNull(fromInstitutionId, "fromInstitutionId");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(diagnosis, "diagnosis");
    }
}
