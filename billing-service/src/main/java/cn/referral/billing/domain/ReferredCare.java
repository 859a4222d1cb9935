package cn.referral.billing.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * The accepted referral as the deductible rules see it: who goes where, for what care, under which
 * scheme and region, and the inpatient episode it continues, if any.
 */
public record ReferredCare(String referralId, Direction direction, CareType careType, InsuranceScheme scheme,
                           RegionCode region, Institution from, Institution to, SourceEpisode sourceEpisode) {

    public ReferredCare {
        Objects.requireNonNull(referralId, "referralId");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(careType, "careType");
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    public Optional<SourceEpisode> episode() {
        return Optional.ofNullable(sourceEpisode);
    }

    /** Deductible already paid at the source in this episode; zero when the referral continues none. */
    public Fen alreadyPaid() {
        return episode().map(SourceEpisode::deductiblePaid).orElse(Fen.ZERO);
    }

    /** A transfer in the middle of a hospitalisation: inpatient care with a source episode. */
    public boolean continuesAnInpatientEpisode() {
        return careType == CareType.INPATIENT && sourceEpisode != null;
    }
}
