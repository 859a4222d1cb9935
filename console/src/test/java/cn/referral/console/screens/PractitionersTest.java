package cn.referral.console.screens;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.referral.console.config.ConsoleProperties;
import cn.referral.console.gateway.GatewayClient;
import cn.referral.console.gateway.GatewayProblem;
import cn.referral.platform.testing.MutableClock;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The family doctors of an institution, and a practitioner named by id, remembered once the registry answered, for
 * {@code console.registry-names-ttl} and at most {@link RegistryRecords#REMEMBERED_AT_MOST} at once.
 */
class PractitionersTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration REMEMBERED_FOR = Duration.ofMinutes(5);

    private final Registry registry = new Registry();
    private final MutableClock clock = MutableClock.at("2026-11-27T02:00:00Z");
    private final Practitioners practitioners = new Practitioners(registry, Registry.PROPERTIES, clock);

    @Test
    void theFamilyDoctorsOfAnInstitutionAreItsGeneralPractitionersAndVillageDoctors() {
        registry.answers.put("/api/registry/practitioners?institutionId=na-shijing-thc", """
                [{"id":"gp-1","name":"黄志明","role":"GENERAL_PRACTITIONER","title":"主治医师"},
                 {"id":"nurse-1","name":"陈美玲","role":"NURSE","title":"护师"},
                 {"id":"specialist-1","name":"王强","role":"SPECIALIST","title":"副主任医师"},
                 {"id":"vd-1","name":"李建国","role":"VILLAGE_DOCTOR","title":" "}]""");

        assertThat(practitioners.familyDoctorsAt("token", "na-shijing-thc").block()).containsExactly(
                new Practitioners.Practitioner("gp-1", "黄志明", "主治医师"),
                new Practitioners.Practitioner("vd-1", "李建国", null));
        assertThat(practitioners.familyDoctorsAt("token", "na-unknown").block())
                .as("the registry did not answer: none, so the form asks for the id").isEmpty();
    }

    @Test
    void aPractitionerIsReadOnceAndOneTheRegistryDoesNotKnowIsItsIdAskedForAgainNextTime() {
        registry.answers.put("/api/registry/practitioners/gp-1", """
                {"id":"gp-1","name":"黄志明","institutionId":"na-shijing-thc","role":"GENERAL_PRACTITIONER",
                 "title":"主治医师","department":"全科"}""");

        assertThat(practitioners.find("token", "gp-1").block())
                .isEqualTo(new Practitioners.Practitioner("gp-1", "黄志明", "主治医师"));
        assertThat(practitioners.find("token", "gp-1").block().name()).isEqualTo("黄志明");
        assertThat(practitioners.find("token", "gp-404").block())
                .isEqualTo(new Practitioners.Practitioner("gp-404", "gp-404", null));
        assertThat(practitioners.find("token", "gp-404").block().name()).isEqualTo("gp-404");
        assertThat(practitioners.find("token", "").block().name()).as("no handover: nobody to ask for").isEmpty();

        assertThat(registry.asked).containsExactly("/api/registry/practitioners/gp-1",
                "/api/registry/practitioners/gp-404", "/api/registry/practitioners/gp-404");
    }

    @Test
    void aRememberedPractitionerIsReadAgainOnceItIsOlderThanTheSettingSoANewTitleShows() {
        registry.answers.put("/api/registry/practitioners/gp-1", """
                {"id":"gp-1","name":"黄志明","role":"GENERAL_PRACTITIONER","title":"主治医师"}""");
        assertThat(practitioners.find("token", "gp-1").block().title()).isEqualTo("主治医师");
        registry.answers.put("/api/registry/practitioners/gp-1", """
                {"id":"gp-1","name":"黄志明","role":"GENERAL_PRACTITIONER","title":"副主任医师"}""");

        clock.advance(REMEMBERED_FOR.minusSeconds(1));
        assertThat(practitioners.find("token", "gp-1").block().title()).as("remembered: not read again")
                .isEqualTo("主治医师");
        clock.advance(Duration.ofSeconds(1));
        assertThat(practitioners.find("token", "gp-1").block().title()).as("as old as the setting: read again")
                .isEqualTo("副主任医师");
        clock.advance(REMEMBERED_FOR.minusSeconds(1));
        assertThat(practitioners.find("token", "gp-1").block().title()).as("the new title, remembered from its read")
                .isEqualTo("副主任医师");

        assertThat(registry.asked).containsExactly("/api/registry/practitioners/gp-1",
                "/api/registry/practitioners/gp-1");
    }

    @Test
    void noMoreThanTheCapAreRememberedAndTheExpiredOnesMakeRoom() {
        int cap = RegistryRecords.REMEMBERED_AT_MOST;
        for (int i = 0; i <= cap; i++) {
            registry.answers.put("/api/registry/practitioners/gp-" + i, """
                    {"id":"gp-%d","name":"医生%d","role":"GENERAL_PRACTITIONER"}""".formatted(i, i));
        }
        for (int i = 0; i < cap; i++) {
            practitioners.find("token", "gp-" + i).block();
        }
        clock.advance(Duration.ofMinutes(1));

        assertThat(practitioners.find("token", "gp-" + cap).block().name()).isEqualTo("医生" + cap);
        assertThat(practitioners.find("token", "gp-" + cap).block().name())
                .as("one beyond the cap while none has expired: named, and read again next time")
                .isEqualTo("医生" + cap);
        assertThat(practitioners.find("token", "gp-0").block().name()).isEqualTo("医生0");
        assertThat(registry.asked).as("the ones remembered before are not read again").hasSize(cap + 2)
                .endsWith("/api/registry/practitioners/gp-" + cap, "/api/registry/practitioners/gp-" + cap);

        clock.advance(REMEMBERED_FOR);
        practitioners.find("token", "gp-" + cap).block();
        practitioners.find("token", "gp-" + cap).block();
        assertThat(registry.asked).as("the expired ones forgotten: the new one remembered once read again")
                .hasSize(cap + 3);
    }

    /** The gateway's registry reads, answered from {@link #answers}; anything else is a 404. */
    private static final class Registry extends GatewayClient {

        /** The console's settings, with the registry records remembered for {@link #REMEMBERED_FOR}. */
        static final ConsoleProperties PROPERTIES = new ConsoleProperties(URI.create("http://127.0.0.1:9"), null,
                REMEMBERED_FOR, null, null);

        final Map<String, String> answers = new HashMap<>();
        final List<String> asked = new ArrayList<>();

        Registry() {
            super(PROPERTIES);
        }

        @Override
        public Mono<JsonNode> get(String token, String path, Object... uriVariables) {
            String call = path.replace("{id}", String.valueOf(uriVariables[0]));
            asked.add(call);
            String answer = answers.get(call);
            return answer == null ? Mono.error(new GatewayProblem(404, null, "Not found", null, null, Map.of()))
                    : Mono.just(JSON.readTree(answer));
        }
    }
}
