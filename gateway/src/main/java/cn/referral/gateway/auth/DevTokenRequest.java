package cn.referral.gateway.auth;

import java.util.List;

import cn.referral.platform.security.Role;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/** Who the development token speaks for. */
public record DevTokenRequest(
        @NotBlank @Size(max = 100) String subject,
        @NotEmpty List<Role> roles,
        @Size(max = 64) String institutionId,
        @Size(min = 6, max = 6) String regionCode,
        @Min(1) @Max(720) Integer ttlMinutes) {
}
