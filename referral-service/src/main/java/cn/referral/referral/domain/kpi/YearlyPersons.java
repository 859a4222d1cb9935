package cn.referral.referral.domain.kpi;

/**
 * Distinct persons (by {@code patientRef}) of one calendar year's accepted referrals from secondary or
 * tertiary hospitals to primary or chronic-care institutions, counted in the database.
 */
public record YearlyPersons(int year, long persons) {
}
