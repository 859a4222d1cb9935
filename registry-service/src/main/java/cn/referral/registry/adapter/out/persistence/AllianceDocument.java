package cn.referral.registry.adapter.out.persistence;

import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import cn.referral.platform.events.OutboxEvent;

/**
 * Stored form of an alliance. {@code gridCells} lists the {@code district/name} of every 片区 the alliance is
 * responsible for (absent unless it is an active, grid-managed alliance); a unique index on it makes the
 * database refuse a second alliance for the same cell, also under concurrent writes.
 */
@Document(AllianceDocument.COLLECTION)
record AllianceDocument(@Id String id, String name, String type, String regionCode, List<String> leadInstitutionIds,
                        String hubInstitutionId, List<String> memberInstitutionIds, List<Grid> grids,
                        List<String> gridCells, boolean active, long version, Boolean removed,
                        List<OutboxEvent> outbox) {

    static final String COLLECTION = "alliances";

    record Grid(String gridId, String name, String district, String leadInstitutionId,
                List<String> memberInstitutionIds) {
    }
}
