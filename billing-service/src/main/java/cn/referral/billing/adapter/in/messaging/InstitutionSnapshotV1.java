package cn.referral.billing.adapter.in.messaging;

/**
 * The fields billing reads of {@code registry.institution.v1}; the registry sends more, which are
 * ignored (tolerant reader).
 */
record InstitutionSnapshotV1(String institutionId, String level, String regionCode, boolean active, long version,
                             String name, String medinsCode) {
}
