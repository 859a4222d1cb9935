package cn.referral.registry.adapter.out.messaging;

/** Topics registry-service produces and the event types on them (DESIGN §3). */
public final class RegistryTopics {

    public static final String INSTITUTIONS = "registry.institutions.v1";
    public static final String INSTITUTION_SNAPSHOT = "registry.institution.v1";

    private RegistryTopics() {
    }
}
