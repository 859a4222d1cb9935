package cn.referral.billing.application.port.in;

import java.time.Instant;
import java.util.Objects;

import cn.referral.billing.domain.CareType;
import cn.referral.billing.domain.InsuranceScheme;
import cn.referral.billing.domain.InsuredPersonNo;
import cn.referral.billing.domain.decision.Direction;
import cn.referral.billing.domain.decision.ReferralEligibility;
import cn.referral.billing.domain.decision.SourceEpisode;
import cn.referral.billing.domain.region.RegionCode;
import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.domain.ReferralId;

/**
 * A referral the target accepted: what billing needs to decide its deductible.
 *
 * @param sourceEpisode  the inpatient episode it continues, or null
 * @param appointmentAt  when care at the target is planned, or null if not scheduled yet
 * @param eligibility    in the catalog or an override; UNKNOWN when the event does not say
 */
public record AcceptedReferral(ReferralId referralId, Direction direction, CareType careType,
                               InstitutionId fromInstitutionId, InstitutionId toInstitutionId, InsuranceScheme scheme,
                               RegionCode region, InsuredPersonNo insuredPersonNo, SourceEpisode sourceEpisode,
                               Instant acceptedAt, Instant appointmentAt, ReferralEligibility eligibility) {

    public AcceptedReferral {
        Objects.requireNonNull(referralId, "referralId");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(careType, "careType");
        Objects.requireNonNull(fromInstitutionId, "fromInstitutionId");
        Objects.requireNonNull(toInstitutionId, "toInstitutionId");
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(insuredPersonNo, "insuredPersonNo");
    }
}
