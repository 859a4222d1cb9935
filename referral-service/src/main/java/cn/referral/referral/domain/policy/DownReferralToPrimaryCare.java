package cn.referral.referral.domain.policy;

import java.util.EnumSet;
import java.util.Set;

import cn.referral.referral.domain.network.Institution;
import cn.referral.referral.domain.network.InstitutionLevel;

/**
 * Which referrals the yearly down-referral growth target counts: from a secondary or tertiary
 * hospital (二、三级医院) to a primary-care institution (基层医疗卫生机构: community and township centres,
 * village clinics) or a chronic-disease institution (慢性病医疗机构: the registry's kinds
 * {@code REHABILITATION} 康复医院 and {@code NURSING} 护理院).
 * <p>
 * Seed 001 (五) 3: “由二、三级医院向基层医疗卫生机构、慢性病医疗机构转诊人数年增长率达到10%以上”.
 */
public final class DownReferralToPrimaryCare {

    /** 二、三级医院 */
    static final Set<InstitutionLevel> HOSPITALS = EnumSet.of(InstitutionLevel.SECONDARY, InstitutionLevel.TERTIARY);
    /** 基层医疗卫生机构 */
    static final Set<InstitutionLevel> PRIMARY_CARE = EnumSet.of(InstitutionLevel.PRIMARY, InstitutionLevel.VILLAGE_CLINIC);
    /** 慢性病医疗机构, as the registry names their kinds */
    static final Set<String> CHRONIC_CARE_KINDS = Set.of("REHABILITATION", "NURSING");

    /** The growth target: at least 10 % more persons than the year before. */
    public static final double YEARLY_GROWTH_TARGET = 0.10;

    private DownReferralToPrimaryCare() {
    }

    public static boolean counts(Institution from, Institution to) {
        return HOSPITALS.contains(from.level())
                && (PRIMARY_CARE.contains(to.level()) || to.kind() != null && CHRONIC_CARE_KINDS.contains(to.kind()));
    }
}
