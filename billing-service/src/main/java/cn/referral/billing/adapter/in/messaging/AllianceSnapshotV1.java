package cn.referral.billing.adapter.in.messaging;

import java.util.List;

/**
 * The fields billing reads of {@code registry.alliance.v1}: the type and every member (leads and
 * hub included); grids and names are ignored (tolerant reader).
 */
record AllianceSnapshotV1(String allianceId, String type, String regionCode, List<String> memberInstitutionIds,
                          boolean active, long version) {
}
