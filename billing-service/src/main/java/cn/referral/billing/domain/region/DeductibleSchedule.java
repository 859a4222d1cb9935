package cn.referral.billing.domain.region;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import cn.referral.billing.domain.BillingRuleViolation;
import cn.referral.billing.domain.CareType;
import cn.referral.billing.domain.Fen;
import cn.referral.billing.domain.InsuranceScheme;
import cn.referral.billing.domain.network.InstitutionLevel;

/**
 * The deductibles (起付线) of one region, scheme and year, in fen, per care type and institution level.
 * <p>
 * Every care type is either scheduled (with an amount for every institution level, 0 where a level
 * charges none) or listed in {@code careTypesWithoutDeductible}: a care type the region has no
 * deductible for is said so explicitly, never assumed because it is missing.
 */
public record DeductibleSchedule(RegionCode region, InsuranceScheme scheme, int year,
                                 Map<CareType, Map<InstitutionLevel, Fen>> deductibles,
                                 Set<CareType> careTypesWithoutDeductible, String note, long version) {

    public static final String FIELD_DEDUCTIBLES = "deductibleFen";
    public static final String FIELD_WITHOUT = "careTypesWithoutDeductible";

    public DeductibleSchedule {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(scheme, "scheme");
        deductibles = copy(deductibles);
        careTypesWithoutDeductible = careTypesWithoutDeductible == null || careTypesWithoutDeductible.isEmpty()
                ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(careTypesWithoutDeductible));
        for (CareType careType : CareType.values()) {
            boolean scheduled = deductibles.containsKey(careType);
            boolean without = careTypesWithoutDeductible.contains(careType);
            if (scheduled && without) {
                throw new BillingRuleViolation("care-type-both", FIELD_WITHOUT,
                        careType + " has amounts in " + FIELD_DEDUCTIBLES + " and is also listed without a deductible");
            }
            if (!scheduled && !without) {
                throw new BillingRuleViolation("care-type-missing", FIELD_DEDUCTIBLES + "." + careType,
                        careType + " needs amounts per level, or must be listed in " + FIELD_WITHOUT);
            }
            if (scheduled) {
                for (InstitutionLevel level : InstitutionLevel.values()) {
                    if (!deductibles.get(careType).containsKey(level)) {
                        throw new BillingRuleViolation("level-missing", FIELD_DEDUCTIBLES + "." + careType + "." + level,
                                "every institution level needs an amount (0 where it charges none); " + level
                                        + " is missing");
                    }
                }
            }
        }
    }

    /** The deductible a stay of {@code careType} at an institution of {@code level} starts with; empty if the care type has none. */
    public Optional<Fen> deductibleFor(CareType careType, InstitutionLevel level) {
        return Optional.ofNullable(deductibles.get(careType)).map(byLevel -> byLevel.get(level));
    }

    /** The id of a schedule: one per region, scheme and year. */
    public String key() {
        return key(region, scheme, year);
    }

    public static String key(RegionCode region, InsuranceScheme scheme, int year) {
        return region.value() + ":" + scheme + ":" + year;
    }

    private static Map<CareType, Map<InstitutionLevel, Fen>> copy(Map<CareType, Map<InstitutionLevel, Fen>> source) {
        Map<CareType, Map<InstitutionLevel, Fen>> copy = new EnumMap<>(CareType.class);
        if (source != null) {
            source.forEach((careType, byLevel) -> copy.put(careType,
                    Collections.unmodifiableMap(byLevel.isEmpty() ? new EnumMap<>(InstitutionLevel.class)
                            : new EnumMap<>(byLevel))));
        }
        return Collections.unmodifiableMap(copy);
    }
}
