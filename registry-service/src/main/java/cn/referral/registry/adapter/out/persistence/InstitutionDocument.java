package cn.referral.registry.adapter.out.persistence;

import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import cn.referral.platform.events.OutboxEvent;

/** Stored form of an institution, with the events not yet published. {@code organisationCode} is unique. */
@Document(InstitutionDocument.COLLECTION)
record InstitutionDocument(@Id String id, String name, String organisationCode, String level, String kind,
                           String regionCode, List<String> departments, String gridArea, boolean active,
                           long version, Boolean removed, List<OutboxEvent> outbox, String medinsCode) {

    static final String COLLECTION = "institutions";
}
