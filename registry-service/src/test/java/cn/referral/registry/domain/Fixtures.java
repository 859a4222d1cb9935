package cn.referral.registry.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import cn.referral.platform.domain.AllianceId;
import cn.referral.platform.domain.CatalogId;
import cn.referral.platform.domain.InstitutionId;
import cn.referral.registry.domain.alliance.Alliance;
import cn.referral.registry.domain.alliance.AllianceDetails;
import cn.referral.registry.domain.alliance.AllianceType;
import cn.referral.registry.domain.alliance.GridCell;
import cn.referral.registry.domain.alliance.GridId;
import cn.referral.registry.domain.catalog.CareType;
import cn.referral.registry.domain.catalog.CatalogDetails;
import cn.referral.registry.domain.catalog.CatalogEntry;
import cn.referral.registry.domain.catalog.DiseaseCatalog;
import cn.referral.registry.domain.catalog.ReferralDirection;
import cn.referral.registry.domain.institution.Institution;
import cn.referral.registry.domain.institution.InstitutionDetails;
import cn.referral.registry.domain.institution.InstitutionKind;
import cn.referral.registry.domain.institution.InstitutionLevel;
import cn.referral.registry.domain.institution.RegionCode;

/**
 * Institutions, alliances and catalogs named for the situation they set up, shared by the domain tests. Ids are
 * given as their plain values.
 */
public final class Fixtures {

    public static final RegionCode LUCHENG = new RegionCode("330302");
    public static final RegionCode OUHAI = new RegionCode("330304");
    public static final RegionCode NANAN = new RegionCode("350583");
    public static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    /** The clock's time when a fixture's change happens. */
    public static final Instant NOW = Instant.parse("2026-11-25T02:00:00Z");

    private Fixtures() {
    }

    public static Institution institution(String id, InstitutionLevel level, InstitutionKind kind, RegionCode region) {
        return Institution.register(new InstitutionId(id), new InstitutionDetails(id + " name", "12330302DM0000001X", level, kind,
                region, List.of("全科"), null), NOW).state();
    }

    public static Institution aCommunityCentre(String id) {
        return institution(id, InstitutionLevel.PRIMARY, InstitutionKind.COMMUNITY_HEALTH_CENTRE, LUCHENG);
    }

    public static Institution aCityHospital(String id) {
        return institution(id, InstitutionLevel.TERTIARY, InstitutionKind.GENERAL_HOSPITAL, LUCHENG);
    }

    public static Institution aDistrictHospital(String id) {
        return institution(id, InstitutionLevel.SECONDARY, InstitutionKind.GENERAL_HOSPITAL, LUCHENG);
    }

    public static GridCell aCell(String district, String name, String centreId) {
        return new GridCell(new GridId("grid-" + name), name, district, new InstitutionId(centreId), List.of());
    }

    public static Alliance anUrbanGroup(String id, String lead, String hub, GridCell... cells) {
        return Alliance.form(new AllianceId(id), new AllianceDetails(id + " group", AllianceType.URBAN_MEDICAL_GROUP,
                new RegionCode("330300"), List.of(new InstitutionId(lead)), hub == null ? null : new InstitutionId(hub),
                List.of(), List.of(cells)), NOW).state();
    }

    /** Wenzhou's central urban group: its lead, its hub and the 片区 鹿城区/广化 and 瓯海区/梧田, each with its centre. */
    public static Alliance theWenzhouCentralGroup() {
        return anUrbanGroup("wz-urban-group-central", "wz-central-hospital", "wz-lucheng-peoples-hospital",
                aCell("鹿城区", "广化", "wz-lucheng-guanghua-chc"), aCell("瓯海区", "梧田", "wz-ouhai-wutian-chc"));
    }

    public static Alliance aSpecialtyAlliance(String id, String lead, String... members) {
        return Alliance.form(new AllianceId(id), new AllianceDetails(id + " alliance", AllianceType.SPECIALTY_ALLIANCE,
                new RegionCode("330300"), List.of(new InstitutionId(lead)), null,
                Stream.of(members).map(InstitutionId::new).toList(), List.of()), NOW).state();
    }

    public static CatalogEntry entry(String code, CareType... careTypes) {
        return new CatalogEntry(code, code + " name", Set.of(careTypes));
    }

    public static DiseaseCatalog aCatalog(String id, ReferralDirection direction, InstitutionLevel level,
                                          LocalDate effectiveFrom, CatalogEntry... entries) {
        return DiseaseCatalog.publish(new CatalogId(id), new CatalogDetails(id + " catalog", direction, level, effectiveFrom,
                List.of(entries)), NOW).state();
    }
}
