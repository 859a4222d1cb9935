package cn.referral.registry.adapter.out.messaging;

import java.time.Instant;
import java.util.List;

/**
 * Wire record of {@code registry.alliance.v1} on the compacted topic {@code registry.alliances.v1}, keyed by
 * alliance id. {@code memberInstitutionIds} holds every member, leads, hub and grid members included.
 * {@code occurredAt} (added): when the change that led to this snapshot happened.
 */
public record AllianceSnapshotV1(String allianceId, String name, String type, String regionCode,
                                 List<String> leadInstitutionIds, String hubInstitutionId,
                                 List<String> memberInstitutionIds, List<Grid> grids, boolean active, long version,
                                 Instant occurredAt) {

    public record Grid(String gridId, String name, String district, String leadInstitutionId,
                       List<String> memberInstitutionIds) {
    }
}
