package cn.referral.platform.security;

/** Who a caller is to the platform (DESIGN §5); carried in the token's {@code roles} claim. */
public enum Role {
    /** 基层医生: refers patients up from a primary institution */
    PRIMARY_DOCTOR,
    /** 医院医生: records outcomes, refers patients down */
    HOSPITAL_DOCTOR,
    /** 转诊服务中心 of a hospital: accepts, rejects, schedules, records arrival; manages its pools */
    REFERRAL_DESK,
    /** insurance settlement system of a region */
    INSURER,
    /** maintains institutions, alliances, catalogs, contracts */
    REGISTRY_ADMIN,
    /** reads audit records and decisions */
    AUDITOR
}
