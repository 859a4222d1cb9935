package cn.referral.billing.domain.filing;

import cn.referral.billing.domain.InsuranceScheme;

/**
 * insutype (险种类型) of the national 医保 code list for our two schemes: 310 职工基本医疗保险,
 * 390 城乡居民基本医疗保险. Not a rule of the seeds but the interface's own code list; a region
 * whose list differs changes it here (docs/insurance-2501.md).
 */
public final class InsuranceTypeCode {

    private InsuranceTypeCode() {
    }

    public static String of(InsuranceScheme scheme) {
        return switch (scheme) {
            case EMPLOYEE -> "310";
            case RESIDENT -> "390";
        };
    }
}
