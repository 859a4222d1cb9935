package cn.referral.billing.domain;

import java.util.List;
import java.util.Objects;

/**
 * Which deductible rules a region applies, in order, and where. The first rule whose scope and
 * conditions hold decides; when none does, the full deductible is payable ({@code FULL}).
 */
public record RegionPolicy(RegionCode region, String description, String policyBasis, List<PolicyRule> rules,
                           long version) {

    public RegionPolicy {
        Objects.requireNonNull(region, "region");
        rules = rules == null ? List.of() : List.copyOf(rules);
        for (int i = 0; i < rules.size(); i++) {
            check(rules.get(i), "rules[" + i + "]");
        }
    }

    private static void check(PolicyRule rule, String field) {
        if (!rule.rule().isConfigurable()) {
            throw new BillingRuleViolation("rule-not-configurable", field + ".rule",
                    rule.rule() + " is not a rule a region can choose; use NO_SECOND_DEDUCTIBLE, CONTINUOUS, "
                            + "WAIVE_PRIMARY_DEDUCTIBLE or FULL");
        }
        boolean allianceScoped = rule.scope() != Scope.ANY_REFERRAL;
        if (allianceScoped && rule.allianceTypes().isEmpty()) {
            throw new BillingRuleViolation("alliance-types-missing", field + ".allianceTypes",
                    rule.scope() + " needs the alliance types that count (e.g. COUNTY_MEDICAL_COMMUNITY)");
        }
        if (!allianceScoped && !rule.allianceTypes().isEmpty()) {
            throw new BillingRuleViolation("alliance-types-unused", field + ".allianceTypes",
                    "ANY_REFERRAL applies regardless of alliances: leave allianceTypes empty");
        }
    }
}
