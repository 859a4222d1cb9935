package cn.referral.billing.application.port.out;

import java.time.Instant;

/**
 * One read of billing data that carries an insured person number: who, in which role, institution
 * and region, what ({@code READ_DECISION} of a referral's decision, {@code READ_TRANSFER_FILING} of its
 * 转院备案, {@code EXPORT_SETTLEMENT} of a day), why and when, and whether the number was shown in full.
 */
public record AuditRecord(String auditId, Instant at, String actorId, String role, String institutionId,
                          String regionCode, String action, String referralId, String decisionId,
                          String settlementDay, String purpose, boolean insuredPersonNoInFull) {

    public static final String READ_DECISION = "READ_DECISION";
    public static final String READ_TRANSFER_FILING = "READ_TRANSFER_FILING";
    public static final String EXPORT_SETTLEMENT = "EXPORT_SETTLEMENT";
}
