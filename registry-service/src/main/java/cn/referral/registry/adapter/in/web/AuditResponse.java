package cn.referral.registry.adapter.in.web;

import java.time.Instant;
import java.util.List;

import cn.referral.registry.domain.audit.AuditRecord;

/** One read of a contract's patient data, as an auditor sees it. */
record AuditResponse(String id, Instant at, String subject, List<String> roles, String institutionId,
                     String contractId, String patientRef, String purpose, String action) {

    static AuditResponse of(AuditRecord record) {
        return new AuditResponse(record.id(), record.at(), record.subject(), record.roles(), record.institutionId(),
                record.contractId().value(), record.patientRef(), record.purpose(), record.action());
    }
}
