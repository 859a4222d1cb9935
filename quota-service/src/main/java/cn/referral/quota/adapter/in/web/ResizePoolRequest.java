package cn.referral.quota.adapter.in.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** Body of {@code PUT /pools/{id}/size}. */
record ResizePoolRequest(
        @NotNull @Min(1) @Max(10_000) Integer capacity,
        @NotNull @Min(0) @Max(10_000) Integer reserved) {
}
