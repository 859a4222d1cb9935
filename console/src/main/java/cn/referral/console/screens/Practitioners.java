package cn.referral.console.screens;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.referral.console.config.ConsoleProperties;
import cn.referral.console.gateway.GatewayClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The practitioners whose ids the screens show (the family doctor a down-referral is handed over to), read from the
 * registry through the gateway and remembered for {@code console.registry-names-ttl}, and the family doctors of an
 * institution, whom the down-referral form offers.
 */
@Component
class Practitioners {

    /** The registry's roles of a family doctor (家庭医生): its {@code Practitioner.canBeFamilyDoctor}. */
    private static final Set<String> FAMILY_DOCTOR_ROLES = Set.of("GENERAL_PRACTITIONER", "VILLAGE_DOCTOR");

    /**
     * A practitioner as the screens say one: the name (the id when the registry does not answer) and the professional
     * title (职称), null when there is none.
     */
    record Practitioner(String id, String name, String title) {

        static Practitioner of(JsonNode practitioner) {
            String title = practitioner.path("title").asString("");
            return new Practitioner(practitioner.path("id").asString(""), practitioner.path("name").asString(""),
                    title.isBlank() ? null : title);
        }
    }

    private final GatewayClient gateway;
    private final RegistryRecords<Practitioner> records;

    Practitioners(GatewayClient gateway, ConsoleProperties properties, Clock clock) {
        this.gateway = gateway;
        this.records = new RegistryRecords<>(gateway, "/api/registry/practitioners/{id}",
                (id, practitioner) -> Practitioner.of(practitioner), id -> new Practitioner(id, id, null), clock,
                properties.registryNamesTtl());
    }

    /** The practitioner of this id; for a blank id, one without a name. */
    Mono<Practitioner> find(String token, String id) {
        return records.find(token, id);
    }

    /**
     * The family doctors of the institution, in the registry's order; none when the registry does not answer, so the
     * form asks for the doctor's id instead.
     */
    Mono<List<Practitioner>> familyDoctorsAt(String token, String institutionId) {
        return gateway.get(token, "/api/registry/practitioners?institutionId={id}", institutionId)
                .map(practitioners -> {
                    List<Practitioner> doctors = new ArrayList<>();
                    practitioners.forEach(practitioner -> {
                        // a doctor the registry has deactivated takes no handover (referral-service refuses one)
                        if (FAMILY_DOCTOR_ROLES.contains(practitioner.path("role").asString(""))
                                && practitioner.path("active").asBoolean(true)) {
                            doctors.add(Practitioner.of(practitioner));
                        }
                    });
                    return doctors;
                })
                .onErrorReturn(List.of());
    }
}
