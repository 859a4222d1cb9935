package cn.referral.console.screens;

import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.referral.console.config.ConsoleProperties;
import cn.referral.console.gateway.GatewayClient;
import reactor.core.publisher.Mono;

/**
 * The institutions whose ids the screens show, read from the registry through the gateway and remembered for
 * {@code console.registry-names-ttl}: each one's name and functional level, from one read of its record.
 */
@Component
class Institutions {

    /**
     * An institution as the screens say it: its name (its id when the registry does not answer) and its functional
     * level, the registry's {@code level} (TERTIARY, SECONDARY, PRIMARY, VILLAGE_CLINIC, UNRATED), null when the
     * registry does not say.
     */
    record Institution(String id, String name, String level) {
    }

    private final RegistryRecords<Institution> records;

    Institutions(GatewayClient gateway, ConsoleProperties properties, Clock clock) {
        this.records = new RegistryRecords<>(gateway, "/api/registry/institutions/{id}",
                (id, institution) -> new Institution(id, institution.path("name").asString(id),
                        institution.path("level").asString(null)),
                id -> new Institution(id, id, null), clock, properties.registryNamesTtl());
    }

    /** The institutions of these ids by id; null and blank ids are left out. */
    Mono<Map<String, Institution>> find(String token, Collection<String> ids) {
        return records.findAll(token, ids);
    }

    /** The names of the institutions of these ids by id; null and blank ids are left out. */
    Mono<Map<String, String>> names(String token, Collection<String> ids) {
        return find(token, ids).map(Institutions::names);
    }

    /** The names of these institutions by id, as the pages look them up ({@code names[id]}). */
    static Map<String, String> names(Map<String, Institution> institutions) {
        Map<String, String> names = new LinkedHashMap<>();
        institutions.forEach((id, institution) -> names.put(id, institution.name()));
        return names;
    }
}
