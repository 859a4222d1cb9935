package cn.referral.registry.adapter.in.demo;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import cn.referral.platform.domain.AllianceId;
import cn.referral.platform.domain.CatalogId;
import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.domain.PractitionerId;
import cn.referral.platform.security.Caller;
import cn.referral.platform.security.Role;
import cn.referral.registry.adapter.in.demo.DemoDataFiles.AllianceData;
import cn.referral.registry.adapter.in.demo.DemoDataFiles.CatalogData;
import cn.referral.registry.adapter.in.demo.DemoDataFiles.InstitutionData;
import cn.referral.registry.application.port.in.AllianceUseCases;
import cn.referral.registry.application.port.in.CatalogUseCases;
import cn.referral.registry.application.port.in.InstitutionUseCases;
import cn.referral.registry.application.port.in.PractitionerUseCases;
import cn.referral.registry.domain.alliance.AllianceDetails;
import cn.referral.registry.domain.alliance.AllianceType;
import cn.referral.registry.domain.alliance.GridCell;
import cn.referral.registry.domain.alliance.GridId;
import cn.referral.registry.domain.catalog.CareType;
import cn.referral.registry.domain.catalog.CatalogDetails;
import cn.referral.registry.domain.catalog.CatalogEntry;
import cn.referral.registry.domain.catalog.ReferralDirection;
import cn.referral.registry.domain.institution.InstitutionDetails;
import cn.referral.registry.domain.institution.InstitutionKind;
import cn.referral.registry.domain.institution.InstitutionLevel;
import cn.referral.registry.domain.institution.RegionCode;
import cn.referral.registry.domain.practitioner.PractitionerDetails;
import cn.referral.registry.domain.practitioner.PractitionerRole;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * In the {@code local} profile, loads the demo network at startup (see docs/demo-data.md): the Wenzhou grid
 * of seed 003 annex 3, the Nan'an county community of seed 002 and sample catalogs. Every record has a
 * fixed id and is inserted only if absent, through the same use cases as any write, so loading twice
 * creates nothing twice and every new record is published like any other.
 */
@Component
@Profile("local")
public class DemoDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);
    private static final Caller LOADER = new Caller("registry-demo-data", Set.of(Role.REGISTRY_ADMIN), null, null);
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final InstitutionUseCases institutions;
    private final AllianceUseCases alliances;
    private final CatalogUseCases catalogs;
    private final PractitionerUseCases practitioners;
    private final JsonMapper json;

    DemoDataLoader(InstitutionUseCases institutions, AllianceUseCases alliances, CatalogUseCases catalogs,
                   PractitionerUseCases practitioners, JsonMapper json) {
        this.institutions = institutions;
        this.alliances = alliances;
        this.catalogs = catalogs;
        this.practitioners = practitioners;
        this.json = json;
    }

    @Override
    public void run(ApplicationArguments args) {
        load().block(TIMEOUT);
    }

    /** Loads whatever is missing; emits nothing new on a second run. */
    public Mono<Void> load() {
        DemoData data = DemoDataFiles.network(json);
        DemoDataFiles.Catalogs catalogData = DemoDataFiles.catalogs(json);
        // in order: alliances name institutions, practitioners work at them
        Mono<Long> institutionCount = Flux.fromIterable(data.institutions())
                .concatMap(institution -> institutions.registerIfAbsent(LOADER, new InstitutionId(institution.id()),
                        details(institution)))
                .count();
        Mono<Long> allianceCount = Flux.fromIterable(data.alliances())
                .concatMap(alliance -> alliances.formIfAbsent(LOADER, new AllianceId(alliance.id()), details(alliance)))
                .count();
        Mono<Long> catalogCount = Flux.fromIterable(catalogData.catalogs())
                .concatMap(catalog -> catalogs.publishIfAbsent(LOADER, new CatalogId(catalog.id()), details(catalog)))
                .count();
        Mono<Long> practitionerCount = Flux.fromIterable(data.practitioners())
                .concatMap(p -> practitioners.registerIfAbsent(LOADER, new PractitionerId(p.id()),
                        new PractitionerDetails(p.name(), new InstitutionId(p.institutionId()),
                                PractitionerRole.valueOf(p.role()), p.title(), p.department())))
                .count();
        return Flux.concat(institutionCount, allianceCount, catalogCount, practitionerCount).collectList()
                .doOnNext(counts -> log.info("Demo data in place: {} institutions, {} alliances, {} catalogs, "
                        + "{} practitioners", counts.get(0), counts.get(1), counts.get(2), counts.get(3)))
                .then();
    }

    private static InstitutionDetails details(InstitutionData institution) {
        return new InstitutionDetails(institution.name(), DemoData.organisationCode(institution),
                InstitutionLevel.valueOf(institution.level()), InstitutionKind.valueOf(institution.kind()),
                new RegionCode(institution.regionCode()), institution.departments(), institution.gridArea(),
                DemoData.sampleMedinsCode(institution));
    }

    /** The alliance the loader forms from the file's entry (also what the demo data tests check). */
    static AllianceDetails details(AllianceData alliance) {
        return new AllianceDetails(alliance.name(), AllianceType.valueOf(alliance.type()),
                new RegionCode(alliance.regionCode()), institutions(alliance.leadInstitutionIds()),
                institution(alliance.hubInstitutionId()), institutions(alliance.memberInstitutionIds()),
                alliance.grids().stream()
                .map(grid -> new GridCell(new GridId(grid.gridId()), grid.name(), grid.district(),
                        institution(grid.leadInstitutionId()), institutions(grid.memberInstitutionIds())))
                .toList());
    }

    /** The files leave out a hub or a 片区's anchor that there is not. */
    private static InstitutionId institution(String id) {
        return id == null ? null : new InstitutionId(id);
    }

    private static List<InstitutionId> institutions(List<String> ids) {
        return ids == null ? null : ids.stream().map(InstitutionId::new).toList();
    }

    private static CatalogDetails details(CatalogData catalog) {
        return new CatalogDetails(catalog.name(), ReferralDirection.valueOf(catalog.direction()),
                InstitutionLevel.valueOf(catalog.targetLevel()), LocalDate.parse(catalog.effectiveFrom()),
                catalog.entries().stream()
                        .map(entry -> new CatalogEntry(entry.code(), entry.name(), entry.careTypes().stream()
                                .map(CareType::valueOf).collect(Collectors.toSet())))
                        .toList());
    }
}
