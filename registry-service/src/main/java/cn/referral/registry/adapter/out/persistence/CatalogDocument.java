package cn.referral.registry.adapter.out.persistence;

import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import cn.referral.platform.events.OutboxEvent;

/** Stored form of a disease catalog; dates as ISO text, so no time zone can shift them. */
@Document(CatalogDocument.COLLECTION)
record CatalogDocument(@Id String id, String name, String direction, String targetLevel, String effectiveFrom,
                       List<Entry> entries, boolean active, long version, Boolean removed,
                       List<OutboxEvent> outbox) {

    static final String COLLECTION = "catalogs";

    record Entry(String code, String name, List<String> careTypes) {
    }
}
