package cn.referral.registry.adapter.in.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import cn.referral.registry.domain.catalog.CareType;
import cn.referral.registry.domain.catalog.CatalogDetails;
import cn.referral.registry.domain.catalog.CatalogEntry;
import cn.referral.registry.domain.catalog.ReferralDirection;
import cn.referral.registry.domain.institution.InstitutionLevel;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /catalogs} and {@code PUT /catalogs/{id}}. */
public record CatalogRequest(
        @NotBlank @Size(max = 200) String name,
        @NotNull ReferralDirection direction,
        @NotNull InstitutionLevel targetLevel,
        @NotNull LocalDate effectiveFrom,
        @NotEmpty @Size(max = 5000) List<@Valid @NotNull Entry> entries) {

    public record Entry(
            @NotBlank
            @Pattern(regexp = CatalogEntry.PATTERN, message = "must be an ICD-10 code or prefix, e.g. C, I6, I63 or I63.9")
            String code,
            @NotBlank @Size(max = 200) String name,
            Set<CareType> careTypes) {
    }

    CatalogDetails toDetails() {
        return new CatalogDetails(name, direction, targetLevel, effectiveFrom, entries.stream()
                .map(entry -> new CatalogEntry(entry.code(), entry.name(), entry.careTypes()))
                .toList());
    }
}
