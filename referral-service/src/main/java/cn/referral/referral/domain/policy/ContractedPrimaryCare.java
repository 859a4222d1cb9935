package cn.referral.referral.domain.policy;

import java.time.LocalDate;

import cn.referral.platform.domain.InstitutionId;
import cn.referral.referral.domain.network.FamilyDoctorContract;
import cn.referral.referral.domain.referral.Direction;
import cn.referral.referral.domain.referral.ReferralRuleViolation;

/**
 * A contracted (签约) patient goes back down to their own family-doctor institution: a
 * down-referral without a target goes to the contract's primary institution. Contracted patients
 * are flagged on every referral event, so quota and the desks can serve them first.
 * <p>
 * Seed 001 (六): “探索实行“1+1+1”签约服务，即选择一家社区卫生服务中心、一家区级医院、一家市级医院（或省级医院）进行签约，
 * 通过签约服务，鼓励和引导居民在医联体内到基层首诊”.
 */
public final class ContractedPrimaryCare {

    /** Where the referral goes, whether the patient is contracted, and whether the target is their contracted one. */
    public record Target(InstitutionId institutionId, boolean contracted, boolean contractedInstitution,
                         String explanation) {
    }

    private ContractedPrimaryCare() {
    }

    public static Target choose(Direction direction, InstitutionId requestedTarget, FamilyDoctorContract contract,
                                LocalDate day) {
        boolean contracted = contract != null && contract.isValidOn(day);
        if (requestedTarget == null) {
            if (direction == Direction.DOWN && contracted) {
                return new Target(contract.primaryInstitutionId(), true, true,
                        "down-referral to the patient's contracted primary institution " + contract.primaryInstitutionId()
                                + " (签约家庭医生机构)");
            }
            throw new ReferralRuleViolation("target-required", "toInstitutionId", direction == Direction.DOWN
                    ? "required, the patient has no valid family-doctor contract to refer back to"
                    : "required for an up-referral");
        }
        boolean own = contracted && (requestedTarget.equals(contract.primaryInstitutionId())
                || requestedTarget.equals(contract.districtHospitalId()) || requestedTarget.equals(contract.cityHospitalId()));
        String explanation = !contracted ? "patient has no valid family-doctor contract"
                : own ? "contracted patient (签约) referred within their 1+1+1 institutions: priority service"
                : "contracted patient (签约): priority service";
        return new Target(requestedTarget, contracted, own, explanation);
    }
}
