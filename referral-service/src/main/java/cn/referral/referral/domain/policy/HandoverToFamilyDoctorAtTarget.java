package cn.referral.referral.domain.policy;

import cn.referral.platform.domain.InstitutionId;
import cn.referral.referral.domain.network.Practitioner;
import cn.referral.referral.domain.referral.ContinuityPlan;
import cn.referral.referral.domain.referral.ReferralRuleViolation;

/**
 * The family doctor a down-referral hands the patient over to ({@code continuityPlan.handover.familyDoctorId})
 * is a family doctor in service at the institution the patient goes to: known to the registry, active, working
 * there, and a general practitioner or village doctor (the registry's family doctors). A handover that names no
 * doctor is not checked.
 * <p>
 * Seed 002 (南卫〔2024〕153号, 12.拓展家庭医生签约服务): “建立健全家庭医生对居民首诊制度，开展家庭病床服务，跟踪转诊患者治疗过程，
 * 做好接续服务”: the one who takes the patient over (接续服务) is the family doctor (家庭医生) of the primary
 * institution the patient goes back to, so a doctor of another institution, a hospital specialist or an id
 * nobody has cannot receive the handover the worklists and the console would show.
 */
public final class HandoverToFamilyDoctorAtTarget {

    private static final String FIELD = "continuityPlan.handover.familyDoctorId";

    private HandoverToFamilyDoctorAtTarget() {
    }

    /** The doctor the plan hands the patient over to, or null where it names none. */
    public static String named(ContinuityPlan plan) {
        if (plan == null || plan.handover() == null) {
            return null;
        }
        String doctor = plan.handover().familyDoctorId();
        return doctor == null || doctor.isBlank() ? null : doctor;
    }

    /**
     * Fails with {@code handover-doctor-not-at-institution} (unknown, inactive or of another institution) or
     * {@code handover-doctor-not-family-doctor} on {@value #FIELD} unless the doctor the plan names is
     * {@code doctor} (null where the registry knows none by that id), a family doctor in service at
     * {@code target}.
     */
    public static void check(ContinuityPlan plan, InstitutionId target, Practitioner doctor) {
        String named = named(plan);
        if (named == null) {
            return;
        }
        if (doctor == null) {
            throw new ReferralRuleViolation("handover-doctor-not-at-institution", FIELD,
                    "no practitioner " + named + " is known to the referral network");
        }
        if (!doctor.worksAt(target)) {
            throw new ReferralRuleViolation("handover-doctor-not-at-institution", FIELD, doctor.active()
                    ? named + " works at " + doctor.institutionId() + ", not at " + target + " where the patient goes"
                    : named + " is no longer in service");
        }
        if (!doctor.isFamilyDoctor()) {
            throw new ReferralRuleViolation("handover-doctor-not-family-doctor", FIELD,
                    named + " is not a family doctor (general practitioner or village doctor) of " + target);
        }
    }
}
