package cn.referral.registry.adapter.in.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.ClassPathResource;

import tools.jackson.databind.json.JsonMapper;

/** The shapes of the demo data files under {@code src/main/resources/demo/}. */
final class DemoDataFiles {

    static final String WENZHOU = "demo/wenzhou-urban-grid.json";
    static final String NANAN = "demo/nanan-county-community.json";
    static final String CATALOGS = "demo/catalogs.json";

    private DemoDataFiles() {
    }

    /** The demo network of both files: institutions, alliances and practitioners. */
    static DemoData network(JsonMapper json) {
        return DemoData.of(read(json, WENZHOU, GridLayout.class), read(json, NANAN, Explicit.class));
    }

    static Catalogs catalogs(JsonMapper json) {
        return read(json, CATALOGS, Catalogs.class);
    }

    private static <T> T read(JsonMapper json, String resource, Class<T> type) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return json.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    /** Seed 003 annex 3 as a table: per group its lead, hub and 片区 by district. */
    record GridLayout(String source, List<String> centreDepartments, List<String> hospitalDepartments,
                      List<District> districts, List<Group> groups, List<PractitionerData> practitioners) {
    }

    record District(String name, String slug, String regionCode, String note) {
    }

    record Group(Integer annexRow, String allianceId, String name, String note, Hospital lead, Hospital hub,
                 Map<String, List<Cell>> cells) {
    }

    record Hospital(String id, String name, String level, String kind, String district) {
    }

    /** One 片区; its centre is {@code <district slug>-<slug>-chc} named after it unless given. */
    record Cell(String name, String slug, String centreId, String centreName) {
    }

    /** Institutions and alliances spelled out one by one. */
    record Explicit(String source, String note, List<InstitutionData> institutions, List<AllianceData> alliances,
                    List<PractitionerData> practitioners) {
    }

    record InstitutionData(String id, String name, String level, String kind, String regionCode,
                           List<String> departments, String gridArea) {
    }

    record AllianceData(String id, String name, String type, String regionCode, List<String> leadInstitutionIds,
                        String hubInstitutionId, List<String> memberInstitutionIds, List<GridData> grids) {
    }

    record GridData(String gridId, String name, String district, String leadInstitutionId,
                    List<String> memberInstitutionIds) {
    }

    record PractitionerData(String id, String name, String institutionId, String role, String title,
                            String department) {
    }

    record Catalogs(String source, List<CatalogData> catalogs) {
    }

    record CatalogData(String id, String name, String direction, String targetLevel, String effectiveFrom,
                       List<EntryData> entries) {
    }

    record EntryData(String code, String name, List<String> careTypes) {
    }
}
