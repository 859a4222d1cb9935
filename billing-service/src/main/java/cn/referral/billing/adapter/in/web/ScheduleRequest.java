package cn.referral.billing.adapter.in.web;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.referral.billing.domain.BillingRuleViolation;
import cn.referral.billing.domain.CareType;
import cn.referral.billing.domain.Fen;
import cn.referral.billing.domain.InsuranceScheme;
import cn.referral.billing.domain.network.InstitutionLevel;
import cn.referral.billing.domain.region.DeductibleSchedule;
import cn.referral.billing.domain.region.RegionCode;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code PUT /schedules/{region}/{scheme}/{year}}: deductibles in fen per care type and
 * institution level, e.g. {@code {"deductibleFen": {"INPATIENT": {"TERTIARY": 80000, ...}},
 * "careTypesWithoutDeductible": ["OUTPATIENT", "EXAMINATION"], "note": "..."}}. Every care type is
 * either scheduled for every level or listed without a deductible; a missing level or a negative
 * amount is answered 422 naming the field.
 */
record ScheduleRequest(Map<String, Map<String, Long>> deductibleFen, List<String> careTypesWithoutDeductible,
                       @Size(max = 500) String note) {

    DeductibleSchedule toSchedule(RegionCode region, InsuranceScheme scheme, int year) {
        Map<CareType, Map<InstitutionLevel, Fen>> deductibles = new EnumMap<>(CareType.class);
        if (deductibleFen != null) {
            deductibleFen.forEach((careTypeName, levels) -> {
                String careField = DeductibleSchedule.FIELD_DEDUCTIBLES + "." + careTypeName;
                CareType careType = known(CareType.class, careTypeName, careField);
                Map<InstitutionLevel, Fen> byLevel = new EnumMap<>(InstitutionLevel.class);
                if (levels != null) {
                    levels.forEach((levelName, amount) -> {
                        String field = careField + "." + levelName;
                        byLevel.put(known(InstitutionLevel.class, levelName, field), amount(amount, field));
                    });
                }
                deductibles.put(careType, byLevel);
            });
        }
        Set<CareType> without = EnumSet.noneOf(CareType.class);
        if (careTypesWithoutDeductible != null) {
            for (int i = 0; i < careTypesWithoutDeductible.size(); i++) {
                without.add(known(CareType.class, careTypesWithoutDeductible.get(i),
                        DeductibleSchedule.FIELD_WITHOUT + "[" + i + "]"));
            }
        }
        return new DeductibleSchedule(region, scheme, year, deductibles, without, note, 0);
    }

    private static Fen amount(Long amount, String field) {
        if (amount == null) {
            throw new BillingRuleViolation("amount-missing", field, "an amount in fen is required");
        }
        if (amount < 0) {
            throw new BillingRuleViolation("amount-negative", field, "a deductible cannot be negative: " + amount);
        }
        return Fen.of(amount);
    }

    private static <E extends Enum<E>> E known(Class<E> type, String name, String field) {
        for (E value : type.getEnumConstants()) {
            if (value.name().equals(name)) {
                return value;
            }
        }
        throw new BillingRuleViolation("unknown-" + type.getSimpleName().toLowerCase(), field,
                name + " is not one of " + java.util.Arrays.toString(type.getEnumConstants()));
    }
}
