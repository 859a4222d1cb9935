package cn.referral.billing.domain.policy;

/**
 * The region settings a rule is tried with: the region policy's allowed gap for one hospitalisation
 * and the policy line's answer to whether an override counts as 符合规定.
 */
public record RuleTerms(int sameStayMaxGapDays, boolean overridesQualify) {
}
