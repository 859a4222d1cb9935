package cn.referral.billing.domain.policy;

import java.util.Optional;

import cn.referral.billing.domain.CareType;
import cn.referral.billing.domain.Fen;
import cn.referral.billing.domain.decision.ReferredCare;
import cn.referral.billing.domain.network.InstitutionLevel;
import cn.referral.billing.domain.region.DeductibleSchedule;

/**
 * What was already paid is bounded: a stay's deductible (起付线) is at most the amount the schedule
 * sets for the level where it was paid, so a referral claiming more at the source cannot be true
 * and is not credited. No seed sentence is needed or cited: this is what a deductible is, and it
 * keeps a mistyped or forged amount ({@code 99999999}) from turning a continuous deductible into
 * {@code payableFen: 0}.
 * <p>
 * The bound is the source institution's level in the schedule of the source admission's year
 * (falling back to the target's schedule when that year has none), for inpatient care: a source
 * episode is always an inpatient stay.
 */
public final class AlreadyPaidWithinSourceDeductible {

    static final String BASIS = "the deductible already paid at the source is at most the source level's scheduled "
            + "deductible";

    private AlreadyPaidWithinSourceDeductible() {
    }

    /** The most that can have been paid at the source; zero where the schedule has no inpatient deductible. */
    public static Fen bound(ReferredCare care, DeductibleSchedule sourceSchedule) {
        return bound(care.from().level(), sourceSchedule);
    }

    /** The most that can have been paid in an inpatient stay at a {@code sourceLevel} institution. */
    public static Fen bound(InstitutionLevel sourceLevel, DeductibleSchedule sourceSchedule) {
        Optional<Fen> scheduled = sourceSchedule.deductibleFor(CareType.INPATIENT, sourceLevel);
        return scheduled.orElse(Fen.ZERO);
    }

    public static Fit check(ReferredCare care, DeductibleSchedule sourceSchedule) {
        if (care.sourceEpisode() == null) {
            return Fit.YES;
        }
        Fen bound = bound(care, sourceSchedule);
        if (care.alreadyPaid().compareTo(bound) > 0) {
            return Fit.no("sourceEpisode.deductiblePaidFen " + care.alreadyPaid().value() + " exceeds the "
                    + care.from().level() + " inpatient deductible " + bound.value() + " of schedule "
                    + sourceSchedule.key() + ": not decided");
        }
        return Fit.YES;
    }
}
