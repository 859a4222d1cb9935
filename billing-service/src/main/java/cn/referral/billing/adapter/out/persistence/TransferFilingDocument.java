package cn.referral.billing.adapter.out.persistence;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;

import cn.referral.platform.events.OutboxEvent;

/**
 * Stored form of a 转院备案, keyed by referral id (one per referral, unique by construction), with
 * its unpublished events. The insured person number is stored sealed only.
 */
record TransferFilingDocument(@Id String referralId, String filingId, String status, String decisionId,
                              String insuredPersonNoSealed, String insuranceScheme, String insuringRegion,
                              InstitutionPart referring, InstitutionPart receiving, String diagnosisCode,
                              String diagnosisName, String conditionDescription, String reason, String beginDate,
                              String endDate, Instant registeredAt, String registeredDay, String revocationReason,
                              Instant revokedAt, String revokedDay, List<OutboxEvent> outbox) {

    static final String COLLECTION = "transfer_filings";

    /** The institution as it was when the filing was registered: its name and code stay as filed. */
    record InstitutionPart(String id, String level, String regionCode, String name, String medinsCode) {
    }
}
