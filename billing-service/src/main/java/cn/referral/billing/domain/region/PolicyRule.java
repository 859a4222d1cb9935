package cn.referral.billing.domain.region;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import cn.referral.billing.domain.network.AllianceType;
import cn.referral.billing.domain.policy.RuleCode;
import cn.referral.billing.domain.policy.Seed;

/**
 * One line of a region policy: apply {@code rule} to referrals in {@code scope}, counting the
 * alliances of {@code allianceTypes} (the alliance kinds the line covers).
 *
 * @param seed             the seed document the line's sentence comes from, or null for a region's
 *                         own document (then {@code basis} cites it)
 * @param basis            the regional document and sentence, as free text; when null the rule's
 *                         sentence from {@code seed} (or all its sentences) is cited
 * @param overridesQualify whether a referral made outside the catalog (an override) counts as one
 *                         made "符合规定/按规定" for this line: a region setting, since the seeds do
 *                         not say what 符合规定 means; false when not set
 */
public record PolicyRule(RuleCode rule, Scope scope, Set<AllianceType> allianceTypes, String basis, Seed seed,
                         boolean overridesQualify) {

    public PolicyRule {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(scope, "scope");
        allianceTypes = allianceTypes == null || allianceTypes.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(allianceTypes));
    }

    /** A line without a seed citation, catalog referrals only. */
    public PolicyRule(RuleCode rule, Scope scope, Set<AllianceType> allianceTypes, String basis) {
        this(rule, scope, allianceTypes, basis, null, false);
    }
}
