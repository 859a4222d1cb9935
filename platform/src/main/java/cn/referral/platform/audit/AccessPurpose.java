package cn.referral.platform.audit;

/**
 * Why someone reads patient data (PIPL 第六条: 处理个人信息应当具有明确、合理的目的). The caller names one of
 * these codes in {@code X-Access-Purpose}; the list is documented in {@code docs/audit.md}.
 */
public enum AccessPurpose {
    /** Diagnosis and treatment of the patient by the reading clinician. */
    TREATMENT,
    /** A referral desk's handling: triage, acceptance, scheduling, arrival. */
    REFERRAL_HANDLING,
    /** Follow-up, long prescription and contract handover after a down-referral. */
    CONTINUITY_OF_CARE,
    /** Insurance settlement and reconciliation of deductible decisions. */
    SETTLEMENT,
    /** An auditor's review of who read what. */
    AUDIT,
    /** Medical quality control and the patient's own complaint or enquiry. */
    QUALITY_CONTROL
}
