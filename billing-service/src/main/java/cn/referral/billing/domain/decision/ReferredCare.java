package cn.referral.billing.domain.decision;

import cn.referral.billing.domain.CareType;
import cn.referral.billing.domain.Fen;
import cn.referral.billing.domain.InsuranceScheme;
import cn.referral.billing.domain.network.Institution;
import cn.referral.billing.domain.region.RegionCode;
import cn.referral.platform.domain.ReferralId;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * The accepted referral as the deductible rules see it: who goes where, for what care, under which
 * scheme and region, the inpatient episode it continues, if any, how it passed the eligibility
 * check, and the day care at the target begins (the appointment's day in China, else the day of
 * acceptance).
 */
public record ReferredCare(ReferralId referralId, Direction direction, CareType careType, InsuranceScheme scheme,
                           RegionCode region, Institution from, Institution to, SourceEpisode sourceEpisode,
                           ReferralEligibility eligibility, LocalDate admittedOn) {

    public ReferredCare {
        Objects.requireNonNull(referralId, "referralId");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(careType, "careType");
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(admittedOn, "admittedOn");
        eligibility = eligibility == null ? ReferralEligibility.UNKNOWN : eligibility;
    }

    public Optional<SourceEpisode> episode() {
        return Optional.ofNullable(sourceEpisode);
    }

    /** Deductible already paid at the source in this episode; zero when the referral continues none. */
    public Fen alreadyPaid() {
        return episode().map(SourceEpisode::deductiblePaid).orElse(Fen.ZERO);
    }

    /** The day the patient leaves the source stay, or null (no episode, or the referral did not say). */
    public LocalDate sourceDischargedOn() {
        return episode().map(SourceEpisode::dischargedOn).orElse(null);
    }

    /** A transfer in the middle of a hospitalisation: inpatient care with a source episode. */
    public boolean continuesAnInpatientEpisode() {
        return careType == CareType.INPATIENT && sourceEpisode != null;
    }
}
