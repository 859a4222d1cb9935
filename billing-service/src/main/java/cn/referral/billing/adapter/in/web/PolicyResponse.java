package cn.referral.billing.adapter.in.web;

import java.util.List;

import cn.referral.billing.domain.region.RegionPolicy;

/**
 * A region policy as stored: the level it was issued at, the allowed gap for one hospitalisation,
 * and each line with the seed document it cites ({@code seed}, {@code seedFile}) if any.
 */
record PolicyResponse(String region, String level, String description, String policyBasis, int sameStayMaxGapDays,
                      List<Rule> rules, long version) {

    record Rule(String rule, String scope, List<String> allianceTypes, String basis, String seed, String seedFile,
                boolean overridesQualify) {
    }

    static PolicyResponse of(RegionPolicy policy) {
        return new PolicyResponse(policy.region().value(), policy.level().name(), policy.description(),
                policy.policyBasis(), policy.sameStayMaxGapDays(),
                policy.rules().stream().map(rule -> new Rule(rule.rule().name(), rule.scope().name(),
                        rule.allianceTypes().stream().map(Enum::name).toList(), rule.basis(),
                        rule.seed() == null ? null : rule.seed().name(),
                        rule.seed() == null ? null : rule.seed().file(), rule.overridesQualify())).toList(),
                policy.version());
    }
}
