package cn.referral.quota.adapter.in.web;

import java.time.LocalDate;

import cn.referral.quota.domain.pool.Resource;
import cn.referral.quota.domain.pool.Session;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /pools}. Ids, holds and counters are the server's. */
record OpenPoolRequest(
        @NotBlank @Size(max = 100) String institutionId,
        @NotBlank @Size(max = 100) String department,
        @NotNull Resource resource,
        @NotNull LocalDate date,
        @NotNull Session session,
        @NotNull @Min(1) @Max(10_000) Integer capacity,
        @NotNull @Min(0) @Max(10_000) Integer reserved) {
}
