package cn.referral.quota.domain.pool;

import cn.referral.platform.domain.InstitutionId;

import java.time.LocalDate;
import java.util.Objects;

/** What a pool is of: one institution's department, one resource, one session of one day. Unique. */
public record PoolKey(InstitutionId institutionId, String department, Resource resource, LocalDate date,
                      Session session) {

    public PoolKey {
        Objects.requireNonNull(institutionId, "institutionId");
        Objects.requireNonNull(department, "department");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(session, "session");
    }
}
