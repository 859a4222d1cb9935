package cn.referral.console.screens;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.referral.console.config.WebConfiguration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The detail page's verdict and history lines in the doctor's language, from the referral's members. */
class ReferralStoryTest {

    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ReferralStory story = new ReferralStory(null, ConsoleMessages.source(),
            new Formats(Clock.fixed(Instant.parse("2026-11-26T00:00:00Z"), WebConfiguration.CHINA)));

    @Test
    void everyHistoryActionAndEveryVerdictHasItsWordsInEachLanguage() {
        List<String> keys = new ArrayList<>(List.of("history.other", "verdict.notContracted", "verdict.contracted",
                "verdict.contractedInstitution", "verdict.inCatalog", "verdict.inNamedCatalog",
                "verdict.outsideCatalog"));
        for (ReferralStory.HistoryAction action : ReferralStory.HistoryAction.values()) {
            keys.add("history." + action.name());
        }
        for (String direction : List.of("UP", "DOWN")) {
            keys.add("verdict.level." + direction);
            keys.add("verdict.levels." + direction);
            keys.add("verdict.catalog." + direction);
        }
        for (String file : ConsoleMessages.FILES) {
            assertThat(ConsoleMessages.file(file).stringPropertyNames()).as(file).containsAll(keys);
        }
    }

    @Test
    void eachLineSaysWhyFromTheReferralInChinaTime() {
        JsonNode referral = JSON.readTree("""
                {"direction":"UP","diagnosisCode":"I21.0","contracted":false,"appointmentAt":"2026-11-28T01:30:00Z",
                 "eligibility":{"inCatalog":true,"catalogId":"cat-na-up","catalogEntry":"I21","overrideReason":null,
                                "toContractedInstitution":false,"explanation":["I21.0 is in 南安市上转目录"]},
                 "deadlines":{"escalateAt":"2026-11-26T09:00:00Z","acceptBy":"2026-11-27T01:00:00Z",
                              "escalated":true,"noShowAfter":"2026-11-28T16:00:00Z"},
                 "outcome":{"rejectReason":"NO_CAPACITY","rejectNote":"本周床位已满","cancelReason":null,
                            "completion":{"outcome":"IMPROVED","summary":"好转出院","downReferralRecommended":true}},
                 "loop":{"upReferralId":null,"downReferralId":"7f3e9a1c-down","downReferralPending":false}}""");

        assertThat(whys(referral, "SUBMIT", "ESCALATE", "EXPIRE", "ACCEPT", "NO_SHOW", "REJECT", "COMPLETE",
                "DOWN_REFERRAL_SUBMITTED")).containsExactly("目录内转诊", "2026-11-26 17:00 前未接收",
                "2026-11-27 09:00 前未接收", "预约 2026-11-28 09:30", "2026-11-29 00:00 前未到诊", "号源已满：本周床位已满",
                "好转，建议转回基层", "下转 7f3e9a1c");
        assertThat(story.verdict(referral, "南安市上转目录", Map.of(), Locale.ENGLISH)).containsExactly(
                "Up-referral to a higher-level institution, as the functional levels require",
                "The patient has no valid family-doctor contract",
                "Diagnosis I21.0 is in the catalog “南安市上转目录” (entry I21)");
    }

    @Test
    void aLineWhoseReasonIsOnlyQuotasTextOrOfAnActionTheConsoleDoesNotKnowSaysOnlyWhatHappened() {
        JsonNode referral = JSON.readTree("""
                {"direction":"UP","diagnosisCode":"I21.0","contracted":false,
                 "outcome":{"rejectReason":null,"rejectNote":null,"cancelReason":"SOMETHING_NEW","completion":null}}""");

        assertThat(whys(referral, "SLOT_HELD", "WAITLISTED", "SLOT_RELEASED", "SLOT_UNAVAILABLE", "SLOT_HELD_IGNORED",
                "SUBMIT", "CANCEL", "REFERRAL_ARCHIVED")).containsOnlyNulls();
        assertThat(story.verdict(referral, "", Map.of(), CHINESE)).as("no verdict: none to explain").isEmpty();
    }

    @Test
    void theVerdictNamesTheFunctionalLevelsItGoesBetweenWhenTheRegistryRatesBothInstitutions() {
        JsonNode up = JSON.readTree("""
                {"direction":"UP","diagnosisCode":"I21.0","contracted":false,"fromInstitutionId":"na-shijing-thc",
                 "toInstitutionId":"na-county-hospital","eligibility":{"inCatalog":false,"overrideReason":"复查"}}""");
        JsonNode down = JSON.readTree("""
                {"direction":"DOWN","diagnosisCode":"I69.3","contracted":false,"fromInstitutionId":"na-county-hospital",
                 "toInstitutionId":"na-shijing-thc","eligibility":{"inCatalog":false,"overrideReason":"康复"}}""");
        Map<String, Institutions.Institution> rated = Map.of(
                "na-shijing-thc", new Institutions.Institution("na-shijing-thc", "南安市石井镇中心卫生院", "PRIMARY"),
                "na-county-hospital", new Institutions.Institution("na-county-hospital", "南安市医院", "SECONDARY"));

        assertThat(story.verdict(up, "", rated, CHINESE)).first().isEqualTo("从基层医疗卫生机构上转至二级医院，符合功能定位");
        assertThat(story.verdict(down, "", rated, CHINESE)).first().isEqualTo("从二级医院下转至基层医疗卫生机构，符合功能定位");
        assertThat(story.verdict(up, "", rated, Locale.ENGLISH)).first()
                .isEqualTo("Up-referral (Primary care institution → Secondary hospital), as the functional levels require");
        assertThat(story.verdict(up, "", Map.of("na-county-hospital", rated.get("na-county-hospital"),
                "na-shijing-thc", new Institutions.Institution("na-shijing-thc", "na-shijing-thc", null)), CHINESE))
                .as("the registry did not answer for one").first().isEqualTo("上转至更高层级的医疗机构，符合功能定位");
        assertThat(story.verdict(up, "", Map.of("na-county-hospital", rated.get("na-county-hospital"),
                "na-shijing-thc", new Institutions.Institution("na-shijing-thc", "某卫生院", "UNRATED")), CHINESE))
                .as("an unrated institution names no level").first().isEqualTo("上转至更高层级的医疗机构，符合功能定位");
    }

    /** What the history line of each of these actions says, as reasons referral-service wrote in English. */
    private List<Object> whys(JsonNode referral, String... actions) {
        StringBuilder entries = new StringBuilder("[");
        for (String action : actions) {
            entries.append(entries.length() > 1 ? "," : "").append("""
                    {"at":"2026-11-26T01:00:00Z","action":"%s","reason":"in catalog cat-na-up"}""".formatted(action));
        }
        return story.history(referral, JSON.readTree(entries + "]"), CHINESE).stream()
                .map(line -> line.get("why")).toList();
    }
}
