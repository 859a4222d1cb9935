package cn.referral.referral.domain.referral;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import cn.referral.referral.domain.network.FamilyDoctorContract;

/**
 * Who may see a referral and who may act on it (DESIGN §5, object-level access):
 * the target's referral desk decides, schedules and records the visit; for a down-referral the
 * receiving primary institution's doctors may do so too (a community centre often has no desk);
 * doctors of the referring institution may cancel; doctors of the target institution complete it;
 * doctors see the referrals of their own institution, desks those sent to theirs, auditors all; the
 * family doctor's institution follows its contracted patients' referrals ({@link #followsAsFamilyDoctor}).
 */
public final class ReferralPermissions {

    private ReferralPermissions() {
    }

    public static boolean maySee(Referral referral, Actor actor) {
        return switch (actor.role()) {
            case AUDITOR, SYSTEM -> true;
            case REFERRAL_DESK -> actor.worksAt(referral.toInstitutionId());
            case PRIMARY_DOCTOR, HOSPITAL_DOCTOR ->
                    actor.worksAt(referral.fromInstitutionId()) || actor.worksAt(referral.toInstitutionId());
            case OTHER -> false;
        };
    }

    /**
     * A primary doctor of the patient's contracted (签约) institution follows a referral another
     * institution made or received for the patient: read only, audited. Seed 002 (12): “建立健全家庭医生对居民首诊制度，
     * 开展家庭病床服务，跟踪转诊患者治疗过程，做好接续服务”.
     */
    public static boolean followsAsFamilyDoctor(Referral referral, Actor actor, FamilyDoctorContract contract,
                                                LocalDate day) {
        return actor.role() == ActorRole.PRIMARY_DOCTOR && contract != null && contract.isValidOn(day)
                && referral.request().patient().patientRef().equals(contract.patientRef())
                && actor.worksAt(contract.primaryInstitutionId());
    }

    /** Whether the actor is ever entitled to {@code action} on this referral, whatever its state. */
    public static boolean isEntitled(Action action, Referral referral, Actor actor) {
        boolean atTarget = actor.worksAt(referral.toInstitutionId());
        return switch (action) {
            case ACCEPT, REJECT, RECORD_ARRIVAL, RECORD_NO_SHOW -> atTarget && (actor.role() == ActorRole.REFERRAL_DESK
                    || referral.direction() == Direction.DOWN && actor.role() == ActorRole.PRIMARY_DOCTOR);
            case CANCEL -> actor.worksAt(referral.fromInstitutionId()) && actor.role().isDoctor();
            case COMPLETE -> atTarget && actor.role().isDoctor();
        };
    }

    /** What this actor may do to the referral right now. */
    public static Set<Action> allowedActions(Referral referral, Actor actor, Instant now) {
        Set<Action> allowed = EnumSet.noneOf(Action.class);
        for (Action action : referral.actionsInState()) {
            if (action == Action.RECORD_NO_SHOW && now.isBefore(referral.appointment().at())) {
                continue;
            }
            if (action == Action.ACCEPT && referral.isOverdue(now)) {
                continue;
            }
            if (isEntitled(action, referral, actor)) {
                allowed.add(action);
            }
        }
        return allowed;
    }
}
