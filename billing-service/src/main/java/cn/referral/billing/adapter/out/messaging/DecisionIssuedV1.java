package cn.referral.billing.adapter.out.messaging;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import cn.referral.billing.application.port.in.IssuedDecision;

/**
 * Wire record of {@code billing.deductible-decision-issued.v1}, read by insurance settlement systems
 * (DESIGN §3; described in {@code asyncapi.yaml}): the fields of {@link IssuedDecision}, flat, with the insured
 * person number in full. Fields are only ever added. Added later: {@code eligibility}
 * ({@code CATALOG|OVERRIDE|UNKNOWN}), {@code sourceDischargedOn}, {@code policyRegionCode} and
 * {@code scheduleRegionCode} (the regions along county → city → province whose policy and schedule were used),
 * {@code decisionVersion} (the decision's version after the event: 1; {@code issuedAt} is when the event happened).
 */
public record DecisionIssuedV1(@JsonUnwrapped IssuedDecision decision, long decisionVersion) {
}
