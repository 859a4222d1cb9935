package cn.referral.billing.domain;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One line of a region policy: apply {@code rule} to referrals in {@code scope}, counting the
 * alliances of {@code allianceTypes}. {@code basis} cites the regional document it comes from.
 */
public record PolicyRule(RuleCode rule, Scope scope, Set<AllianceType> allianceTypes, String basis) {

    public PolicyRule {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(scope, "scope");
        allianceTypes = allianceTypes == null || allianceTypes.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(allianceTypes));
    }
}
