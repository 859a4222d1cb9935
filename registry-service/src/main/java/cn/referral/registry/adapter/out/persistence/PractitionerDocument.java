package cn.referral.registry.adapter.out.persistence;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** Stored form of a practitioner. Practitioners are not published: no outbox. */
@Document(PractitionerDocument.COLLECTION)
record PractitionerDocument(@Id String id, String name, String institutionId, String role, String title,
                            String department) {

    static final String COLLECTION = "practitioners";
}
