package cn.referral.quota.domain.pool;

/** What a pool's units are: 专家号源, 住院床位, 预约检查 (the three resources the seeds name). */
public enum Resource {
    /** 专家号源: an expert clinic appointment */
    EXPERT_CLINIC,
    /** 住院床位: an inpatient bed */
    INPATIENT_BED,
    /** 预约检查: a booked examination */
    EXAMINATION;

    /** The resource a referral of this care type needs. */
    public static Resource neededFor(CareType careType) {
        return switch (careType) {
            case OUTPATIENT -> EXPERT_CLINIC;
            case INPATIENT -> INPATIENT_BED;
            case EXAMINATION -> EXAMINATION;
        };
    }
}
