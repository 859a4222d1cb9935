package cn.referral.registry.adapter.out.messaging;

/** Topics registry-service produces and the event types on them (DESIGN §3, docs/event-contracts.md). All compacted. */
public final class RegistryTopics {

    public static final String INSTITUTIONS = "registry.institutions.v1";
    public static final String INSTITUTION_SNAPSHOT = "registry.institution.v1";
    public static final String ALLIANCES = "registry.alliances.v1";
    public static final String ALLIANCE_SNAPSHOT = "registry.alliance.v1";
    public static final String CATALOGS = "registry.catalogs.v1";
    public static final String CATALOG_SNAPSHOT = "registry.catalog.v1";
    public static final String CONTRACTS = "registry.contracts.v1";
    public static final String CONTRACT_SNAPSHOT = "registry.contract.v1";

    private RegistryTopics() {
    }
}
