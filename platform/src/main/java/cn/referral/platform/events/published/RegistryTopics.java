package cn.referral.platform.events.published;

/**
 * The compacted topics registry-service produces and the {@code ce_type} of the snapshots on them: part of the
 * published language of DESIGN §3, each payload documented in docs/event-contracts.md ("registry"). One snapshot
 * per key, a tombstone when the record is removed.
 *
 * <p>Declared once, here, for the producer and every consumer (referral, quota, billing), so a renamed type
 * cannot leave a consumer silently skipping what it no longer recognises. Only the names are shared: each
 * service still declares the wire records it writes or reads (tolerant reader, no shared event jar). The
 * consumers' binding destinations in their {@code application.yaml} name the topics too: YAML cannot refer here.
 */
public final class RegistryTopics {

    public static final String INSTITUTIONS = "registry.institutions.v1";
    public static final String INSTITUTION_SNAPSHOT = "registry.institution.v1";
    public static final String ALLIANCES = "registry.alliances.v1";
    public static final String ALLIANCE_SNAPSHOT = "registry.alliance.v1";
    public static final String CATALOGS = "registry.catalogs.v1";
    public static final String CATALOG_SNAPSHOT = "registry.catalog.v1";
    public static final String CONTRACTS = "registry.contracts.v1";
    public static final String CONTRACT_SNAPSHOT = "registry.contract.v1";
    public static final String PRACTITIONERS = "registry.practitioners.v1";
    public static final String PRACTITIONER_SNAPSHOT = "registry.practitioner.v1";

    private RegistryTopics() {
    }
}
