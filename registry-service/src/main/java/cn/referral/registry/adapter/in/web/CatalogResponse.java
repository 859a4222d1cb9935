package cn.referral.registry.adapter.in.web;

import java.util.List;

import cn.referral.registry.domain.catalog.CatalogEntry;
import cn.referral.registry.domain.catalog.DiseaseCatalog;

public record CatalogResponse(String id, String name, String direction, String targetLevel, String effectiveFrom,
                              List<Entry> entries, boolean active, long version) {

    public record Entry(String code, String name, List<String> careTypes) {

        static Entry of(CatalogEntry entry) {
            return new Entry(entry.code(), entry.name(), entry.careTypes().stream().map(Enum::name).sorted().toList());
        }
    }

    static CatalogResponse of(DiseaseCatalog catalog) {
        return new CatalogResponse(catalog.id().value(), catalog.name(), catalog.direction().name(),
                catalog.targetLevel().name(), catalog.effectiveFrom().toString(),
                catalog.entries().stream().map(Entry::of).toList(), catalog.active(), catalog.version());
    }
}
