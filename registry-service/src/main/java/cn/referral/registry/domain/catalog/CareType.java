package cn.referral.registry.domain.catalog;

/** What the patient is referred for: 门诊, 住院 or 检查. */
public enum CareType {
    OUTPATIENT, INPATIENT, EXAMINATION
}
