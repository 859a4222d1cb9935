package cn.referral.billing.adapter.in.web;

import java.util.List;

import cn.referral.billing.domain.AllianceType;
import cn.referral.billing.domain.PolicyRule;
import cn.referral.billing.domain.RegionCode;
import cn.referral.billing.domain.RegionPolicy;
import cn.referral.billing.domain.RuleCode;
import cn.referral.billing.domain.Scope;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code PUT /policies/{region}}: the rules in the order they are tried, each with where
 * it applies, e.g. {@code {"rule": "NO_SECOND_DEDUCTIBLE", "scope": "IN_ALLIANCE",
 * "allianceTypes": ["COUNTY_MEDICAL_COMMUNITY"], "basis": "南卫〔2024〕153号 ..."}}.
 */
record PolicyRequest(@Size(max = 1000) String description, @Size(max = 2000) String policyBasis,
                     @NotNull @Size(max = 20) List<@NotNull @Valid Rule> rules) {

    record Rule(@NotNull RuleCode rule, @NotNull Scope scope, @Size(max = 4) List<@NotNull AllianceType> allianceTypes,
                @Size(max = 1000) String basis) {
    }

    RegionPolicy toPolicy(RegionCode region) {
        return new RegionPolicy(region, description, policyBasis, rules.stream()
                .map(rule -> new PolicyRule(rule.rule(), rule.scope(),
                        rule.allianceTypes() == null ? null : java.util.Set.copyOf(rule.allianceTypes()), rule.basis()))
                .toList(), 0);
    }
}
