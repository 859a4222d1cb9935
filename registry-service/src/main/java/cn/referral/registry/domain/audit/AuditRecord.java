package cn.referral.registry.domain.audit;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import cn.referral.platform.domain.ContractId;

/**
 * One read of a family-doctor contract's patient data (DESIGN §5): who, in which roles and institution,
 * which contract of which patient, why and when. Append-only; read by auditors.
 */
public record AuditRecord(String id, Instant at, String subject, List<String> roles, String institutionId,
                          ContractId contractId, String patientRef, String purpose, String action) {

    /** The action recorded for a read of a contract. */
    public static final String READ_CONTRACT = "READ_CONTRACT";

    /** The purpose recorded when the caller names none. */
    public static final String DEFAULT_PURPOSE = "CONTINUITY_OF_CARE";

    public AuditRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(contractId, "contractId");
        Objects.requireNonNull(action, "action");
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    /** The purpose as recorded: the caller's own, or {@link #DEFAULT_PURPOSE} when blank or absent. */
    public static String purposeOrDefault(String purpose) {
        return purpose == null || purpose.isBlank() ? DEFAULT_PURPOSE : purpose.strip();
    }
}
