package cn.referral.billing.adapter.out.messaging;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import cn.referral.billing.application.port.in.RegisteredFiling;

/**
 * Wire record of {@code billing.transfer-filing-registered.v1}: the 转院备案 (national 医保 interface
 * 2501) of one accepted referral, for insurers' settlement systems: the fields of {@link RegisteredFiling}, flat,
 * with {@code psn_no} in full. The snake_case fields carry the interface's own field names; the camelCase ones
 * are ours, to join it with the deductible decision and the settlement CSV ({@code referralId},
 * {@code decisionId}). Fields we cannot fill are null, never guessed; docs/insurance-2501.md explains each.
 * Fields are only ever added: {@code filingVersion} (the filing's version after the event: 1;
 * {@code registeredAt} is when the event happened).
 */
public record TransferFiling2501V1(@JsonUnwrapped RegisteredFiling filing, long filingVersion) {
}
