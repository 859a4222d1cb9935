package cn.referral.registry.adapter.out.persistence;

import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import cn.referral.platform.events.OutboxEvent;

/**
 * Stored form of a practitioner, with the outbox of its snapshots on {@code registry.practitioners.v1}. A
 * practitioner stored before practitioners were published has no {@code active} or {@code version}: it is read
 * as active at version 1.
 */
@Document(PractitionerDocument.COLLECTION)
record PractitionerDocument(@Id String id, String name, String institutionId, String role, String title,
                            String department, Boolean active, Long version, Boolean removed,
                            List<OutboxEvent> outbox) {

    static final String COLLECTION = "practitioners";
}
