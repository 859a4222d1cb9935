package cn.referral.billing.adapter.in.web;

import java.util.List;
import java.util.Set;

import cn.referral.billing.domain.BillingRuleViolation;
import cn.referral.billing.domain.network.AllianceType;
import cn.referral.billing.domain.policy.RuleCode;
import cn.referral.billing.domain.policy.Seed;
import cn.referral.billing.domain.region.PolicyRule;
import cn.referral.billing.domain.region.RegionCode;
import cn.referral.billing.domain.region.RegionLevel;
import cn.referral.billing.domain.region.RegionPolicy;
import cn.referral.billing.domain.region.Scope;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code PUT /policies/{region}}: the rules in the order they are tried, each with where
 * it applies, e.g. {@code {"rule": "NO_SECOND_DEDUCTIBLE", "scope": "IN_ALLIANCE",
 * "allianceTypes": ["COUNTY_MEDICAL_COMMUNITY"], "seed": "SEED_002", "overridesQualify": false}}.
 * {@code level}, when given, must be the level the region code stands for (a check, not a setting);
 * {@code sameStayMaxGapDays} defaults to 1.
 */
record PolicyRequest(@Size(max = 1000) String description, @Size(max = 2000) String policyBasis, RegionLevel level,
                     Integer sameStayMaxGapDays, @NotNull @Size(max = 20) List<@NotNull @Valid Rule> rules) {

    record Rule(@NotNull RuleCode rule, @NotNull Scope scope, @Size(max = 4) List<@NotNull AllianceType> allianceTypes,
                @Size(max = 1000) String basis, Seed seed, Boolean overridesQualify) {
    }

    RegionPolicy toPolicy(RegionCode region) {
        if (level != null && level != region.level()) {
            throw new BillingRuleViolation("level-mismatch", "level",
                    "region " + region + " is a " + region.level() + " code, not " + level);
        }
        return new RegionPolicy(region, description, policyBasis, rules.stream()
                .map(rule -> new PolicyRule(rule.rule(), rule.scope(),
                        rule.allianceTypes() == null ? null : Set.copyOf(rule.allianceTypes()), rule.basis(),
                        rule.seed(), Boolean.TRUE.equals(rule.overridesQualify())))
                .toList(),
                sameStayMaxGapDays == null ? RegionPolicy.DEFAULT_SAME_STAY_MAX_GAP_DAYS : sameStayMaxGapDays, 0);
    }
}
