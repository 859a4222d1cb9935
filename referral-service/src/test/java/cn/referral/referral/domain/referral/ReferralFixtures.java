package cn.referral.referral.domain.referral;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import cn.referral.platform.domain.HoldId;
import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.domain.PoolId;
import cn.referral.platform.domain.ReferralId;
import cn.referral.referral.domain.policy.AcceptanceDeadlines;
import cn.referral.referral.domain.policy.NoShowRule;

/** Referrals in the situations the domain tests need; no Spring, no crypto (sealed values are stand-ins). */
public final class ReferralFixtures {

    public static final Instant NOW = Instant.parse("2026-11-24T00:00:00Z");
    public static final InstitutionId COMMUNITY_CENTRE = new InstitutionId("wz-lucheng-nanhui-chc");
    public static final InstitutionId CITY_HOSPITAL = new InstitutionId("wz-wmu-first-hospital");
    public static final Actor PRIMARY_DOCTOR = new Actor("dr-chen", ActorRole.PRIMARY_DOCTOR, COMMUNITY_CENTRE);
    public static final Actor HOSPITAL_DESK = new Actor("desk-wang", ActorRole.REFERRAL_DESK, CITY_HOSPITAL);
    public static final Actor HOSPITAL_DOCTOR = new Actor("dr-li", ActorRole.HOSPITAL_DOCTOR, CITY_HOSPITAL);
    public static final NoShowRule NO_SHOW = new NoShowRule(NoShowRule.DEFAULT_GRACE);

    private ReferralFixtures() {
    }

    public static Patient aPatient() {
        return new Patient("ref-0001", new Sealed("v1:name"), "张*", Gender.FEMALE, new Sealed("v1:birth"),
                1960, new Sealed("v1:id"), "**************1234",
                new Insurance(InsuranceScheme.RESIDENT, "330302", new Sealed("v1:insured"), "****5678"),
                new Sealed("v1:phone"));
    }

    public static ReferralRequest anUpRequest(Urgency urgency) {
        return new ReferralRequest(Direction.UP, CareType.OUTPATIENT, urgency, aPatient(),
                new Diagnosis("I63.9", "脑梗死"), "疑难复杂, 需上级医院明确诊断", "右侧肢体无力 3 天", List.of(),
                COMMUNITY_CENTRE, "全科", CITY_HOSPITAL, "神经内科",
                new DateWindow(LocalDate.of(2026, 11, 24), LocalDate.of(2026, 12, 8)), null, null, null);
    }

    public static Eligibility inCatalog() {
        return new Eligibility(true, "up-tertiary", "I63", null, false, List.of("I63.9 in catalog"));
    }

    /** A ROUTINE up-referral from a community centre to the city hospital, just submitted. */
    public static Referral aSubmittedUpReferral() {
        return aSubmittedUpReferral(Urgency.ROUTINE);
    }

    public static Referral aSubmittedUpReferral(Urgency urgency) {
        return Referral.submit(new ReferralId("r-1"), anUpRequest(urgency), inCatalog(), true, PRIMARY_DOCTOR, NOW,
                AcceptanceDeadlines.defaults()).state();
    }

    public static Referral aHeldReferral() {
        return aSubmittedUpReferral().slotHeld(aHold(), NOW.plusSeconds(5)).state();
    }

    public static SlotHold aHold() {
        return new SlotHold(new HoldId("hold-1"), new PoolId("pool-1"), LocalDate.of(2026, 11, 26), "MORNING", false);
    }

    /** Accepted with an appointment two days after submission. */
    public static Referral anAcceptedReferral() {
        return aHeldReferral().accept(NO_SHOW.appointmentAt(NOW.plusSeconds(48 * 3600)), HOSPITAL_DESK,
                NOW.plusSeconds(3600)).state();
    }

    public static Referral anArrivedReferral() {
        return anAcceptedReferral().recordArrival(HOSPITAL_DESK, NOW.plusSeconds(48 * 3600)).state();
    }
}
