package cn.referral.billing.adapter.out.messaging;

import java.time.Instant;

/**
 * Wire record of {@code billing.transfer-filing-revoked.v1}: the revocation (national 医保 interface
 * 2502) of a referral's 转院备案. {@code trt_dcla_detl_sn} is the serial number the national
 * platform returns for the 2501; we never call the platform, so it is null and the insurer's system
 * joins by {@code filingId} / {@code referralId} (docs/insurance-2501.md). Added: {@code filingVersion} (the
 * filing's version after the event: 2; {@code revokedAt} is when the event happened).
 */
public record TransferFiling2502V1(String infno, String filingId, String referralId, String decisionId, String psn_no,
                                   String insuplc_admdvs, String fixmedins_code, String trt_dcla_detl_sn,
                                   String memo, String reason, Instant revokedAt,
                                   long filingVersion) {
}
