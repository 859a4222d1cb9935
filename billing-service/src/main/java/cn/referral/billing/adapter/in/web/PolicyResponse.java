package cn.referral.billing.adapter.in.web;

import java.util.List;

import cn.referral.billing.domain.RegionPolicy;

record PolicyResponse(String region, String description, String policyBasis, List<Rule> rules, long version) {

    record Rule(String rule, String scope, List<String> allianceTypes, String basis) {
    }

    static PolicyResponse of(RegionPolicy policy) {
        return new PolicyResponse(policy.region().value(), policy.description(), policy.policyBasis(),
                policy.rules().stream().map(rule -> new Rule(rule.rule().name(), rule.scope().name(),
                        rule.allianceTypes().stream().map(Enum::name).toList(), rule.basis())).toList(),
                policy.version());
    }
}
