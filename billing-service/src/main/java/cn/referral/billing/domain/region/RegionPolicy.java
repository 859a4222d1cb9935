package cn.referral.billing.domain.region;

import java.util.List;
import java.util.Objects;

import cn.referral.billing.domain.BillingRuleViolation;
import cn.referral.billing.domain.policy.DeductiblePolicy;

/**
 * Which deductible rules a region applies, in order, and where. The region's code says the level
 * it was issued at ({@link #level()}: a province's policy reaches every county below it); each line
 * says which alliance kinds it covers. Decisions try the lines of the patient's county, then city,
 * then province policy; the first line whose scope and conditions hold decides, and when none does
 * the full deductible is payable ({@code FULL}).
 *
 * @param sameStayMaxGapDays how many days may pass between the source discharge (or transfer) and
 *                           the admission at the target for the two to be one hospitalisation
 *                           (同一次住院): a region setting, the seeds name no number; default 1
 */
public record RegionPolicy(RegionCode region, String description, String policyBasis, List<PolicyRule> rules,
                           int sameStayMaxGapDays, long version) {

    public static final int DEFAULT_SAME_STAY_MAX_GAP_DAYS = 1;
    public static final int MAX_SAME_STAY_GAP_DAYS = 30;

    public RegionPolicy {
        Objects.requireNonNull(region, "region");
        rules = rules == null ? List.of() : List.copyOf(rules);
        if (sameStayMaxGapDays < 0 || sameStayMaxGapDays > MAX_SAME_STAY_GAP_DAYS) {
            throw new BillingRuleViolation("same-stay-gap", "sameStayMaxGapDays",
                    "must be between 0 and " + MAX_SAME_STAY_GAP_DAYS + " days, not " + sameStayMaxGapDays);
        }
        for (int i = 0; i < rules.size(); i++) {
            check(region, rules.get(i), "rules[" + i + "]");
        }
    }

    /** A policy with the default gap of {@value #DEFAULT_SAME_STAY_MAX_GAP_DAYS} day. */
    public RegionPolicy(RegionCode region, String description, String policyBasis, List<PolicyRule> rules,
                        long version) {
        this(region, description, policyBasis, rules, DEFAULT_SAME_STAY_MAX_GAP_DAYS, version);
    }

    /** The level the policy was issued at: province, city or county. */
    public RegionLevel level() {
        return region.level();
    }

    private static void check(RegionCode region, PolicyRule rule, String field) {
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
        if (rule.seed() != null) {
            if (!rule.seed().issuedFor().equals(region)) {
                throw new BillingRuleViolation("seed-of-another-region", field + ".seed",
                        rule.seed() + " (" + rule.seed().document() + ") was issued for region "
                                + rule.seed().issuedFor() + ", not " + region
                                + ": a region carries only its own documents' rules");
            }
            if (!DeductiblePolicy.of(rule.rule()).sentences().containsKey(rule.seed())) {
                throw new BillingRuleViolation("seed-does-not-state-rule", field + ".seed",
                        rule.seed() + " (" + rule.seed().document() + ") has no sentence stating " + rule.rule());
            }
        }
    }
}
