package cn.referral.referral.adapter.in.messaging;

import java.util.List;

/**
 * The fields referral-service reads of {@code registry.institution.v1}; the registry sends more,
 * which are ignored (tolerant reader).
 */
public record InstitutionSnapshotV1(String institutionId, String name, String level, String regionCode,
                                    boolean active, long version, List<String> departments, String kind) {
}
