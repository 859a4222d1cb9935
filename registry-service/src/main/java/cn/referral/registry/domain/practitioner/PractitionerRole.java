package cn.referral.registry.domain.practitioner;

/** What a practitioner does in the referral network. */
public enum PractitionerRole {
    /** 全科医生 / 家庭医生 */
    GENERAL_PRACTITIONER,
    /** 专科医生 */
    SPECIALIST,
    /** 乡村医生 */
    VILLAGE_DOCTOR,
    /** 护士 */
    NURSE,
    /** 健康管理师 */
    HEALTH_MANAGER
}
