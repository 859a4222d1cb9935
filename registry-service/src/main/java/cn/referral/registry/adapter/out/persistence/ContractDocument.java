package cn.referral.registry.adapter.out.persistence;

import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import cn.referral.platform.events.OutboxEvent;

/**
 * Stored form of a family-doctor contract. The patient is stored only as {@code patientRef} (the HMAC
 * pseudonym, unique while the contract exists) and the masked identity number; never the number itself.
 */
@Document(ContractDocument.COLLECTION)
record ContractDocument(@Id String id, String patientRef, String identityNumberMasked, String primaryInstitutionId,
                        String districtHospitalId, String cityHospitalId, String familyDoctorId, String validFrom,
                        String validUntil, boolean active, long version, Boolean removed,
                        List<OutboxEvent> outbox) {

    static final String COLLECTION = "contracts";
}
