package cn.referral.billing.domain.policy;

import java.time.temporal.ChronoUnit;

import cn.referral.billing.domain.decision.ReferredCare;
import cn.referral.billing.domain.decision.SourceEpisode;

/**
 * 同一次住院: the admission at the target continues the stay at the source. Counting the deductible
 * across a transfer (连续计算起付线) and not charging a second one (取消二次起付线) both speak of one
 * hospitalisation that moves between institutions, not of a new admission after the first one ended.
 * <p>
 * Seed 003 (温政办〔2020〕94号, 13.建立分级诊疗制度): “在医联体内按规定转诊的同一次住院可连续计算起付线”.
 * <br>
 * Seed 000 and 002 say “二次起付线”: a second deductible within one stay.
 * <p>
 * It holds when the referral carries the source episode with the day the patient leaves it
 * (discharge or transfer) and the target admits the patient no more than the region's
 * {@code sameStayMaxGapDays} after that day (the seeds name no number: a region setting, default 1).
 * An admission on or before the stated discharge day continues the stay (the patient moves beds).
 * Without a discharge day the same stay cannot be shown, and no relief that needs it is given.
 */
public final class SameHospitalisation {

    static final String BASIS = "在医联体内按规定转诊的同一次住院可连续计算起付线 (温政办〔2020〕94号, seed 003)";

    private SameHospitalisation() {
    }

    public static Fit check(ReferredCare care, int maxGapDays) {
        SourceEpisode episode = care.sourceEpisode();
        if (episode == null) {
            return Fit.no("no source inpatient episode: the stay begins at the target and pays its first deductible");
        }
        if (episode.dischargedOn() == null) {
            return Fit.no("the source episode has no discharge or transfer date: 同一次住院 cannot be shown");
        }
        long gap = ChronoUnit.DAYS.between(episode.dischargedOn(), care.admittedOn());
        if (gap > maxGapDays) {
            return Fit.no("not 同一次住院: source discharged " + episode.dischargedOn() + ", admitted at the target "
                    + care.admittedOn() + ", " + gap + " days later; the region allows " + maxGapDays);
        }
        return Fit.YES;
    }
}
