package cn.referral.console.screens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSource;

import cn.referral.console.gateway.GatewayProblem;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The suggestions box in the doctor's language: every reason labelled, and the why when there are none. */
class RouteSuggestionsTest {

    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private final RouteSuggestions suggestions = consoleSuggestions();

    @Test
    void everyTierAndLevelHasItsLabelAndReasonInEachLanguage() {
        List<String> keys = new ArrayList<>();
        for (RouteSuggestions.Tier tier : RouteSuggestions.Tier.values()) {
            keys.add("tier." + tier.name());
            keys.add("routes.why." + tier.name());
        }
        for (RouteSuggestions.Level level : RouteSuggestions.Level.values()) {
            keys.add("level." + level.name());
        }
        for (String file : ConsoleMessages.FILES) {
            assertThat(ConsoleMessages.file(file).stringPropertyNames()).as(file).containsAll(keys);
        }
    }

    @Test
    void aSuggestionGivesItsReasonsInChineseWithoutTheRegistrysEnumNames() {
        Map<String, Object> shown = suggestions.shown(registrySuggestion("ALLIANCE_LEAD", "SECONDARY", true),
                3, "UP", CHINESE);

        assertThat(shown).containsEntry("tierLabel", "医联体牵头医院").containsEntry("freeReserve", 3L)
                .containsEntry("name", "南安市医院");
        assertThat(shown.get("reasons")).asInstanceOf(LIST)
                .containsExactly("本机构所在医联体“南安市医共体”的牵头医院", "机构级别：二级医院", "诊断在上转目录内（条目 I21）");
        assertThat(reasons("ALLIANCE_HUB", "SECONDARY", true, "UP")).first()
                .isEqualTo("本机构所在医联体“南安市医共体”的枢纽型成员单位");
    }

    @Test
    void aDiagnosisOutsideTheCatalogSaysTheReferralNeedsAnOverrideReason() {
        assertThat(reasons("OUTSIDE_ALLIANCE", "TERTIARY", false, "DOWN")).containsExactly("与本机构不在同一医联体", "机构级别：三级医院", "诊断不在该级别机构的下转目录内，转诊需填写目录外转诊理由");
    }

    @Test
    void aTierOrLevelTheConsoleDoesNotKnowIsLeftOutNeverShownByName() {
        Map<String, Object> shown = suggestions.shown(registrySuggestion("SAME_ALLIANCE", "QUATERNARY", true),
                -1, "UP", CHINESE);

        assertThat(shown.get("tierLabel")).isNull();
        assertThat(shown.get("reasons")).asInstanceOf(LIST).containsExactly("诊断在上转目录内（条目 I21）");
    }

    @Test
    void noSuggestionsSayWhatIsWrongWithTheCodeAndTryLaterOnlyForAnOutage() {
        GatewayProblem badCode = problem(400, "diagnosis");
        GatewayProblem breakerOpen = problem(503, null);

        assertThat(suggestions.problem(badCode, " I2 ", CHINESE)).contains("“I2”不是有效的 ICD-10 编码")
                .doesNotContain("稍后再试");
        assertThat(suggestions.problem(problem(422, "diagnosis.code"), "Q99.x", CHINESE))
                .contains("“Q99.x”不是有效的 ICD-10 编码");
        assertThat(suggestions.problem(breakerOpen, "I21.0", CHINESE)).isEqualTo("推荐暂时不可用，请稍后再试。");
        assertThat(suggestions.problem(problem(504, null), "I21.0", CHINESE)).isEqualTo("推荐暂时不可用，请稍后再试。");
        assertThat(suggestions.problem(problem(400, "careType"), "I21.0", CHINESE))
                .isEqualTo("无法按填写的内容给出推荐，请核对诊断编码、就诊类型和转诊方向。");
        assertThat(suggestions.problem(problem(403, null), "I21.0", CHINESE)).isEqualTo("您没有权限进行此操作。");
    }

    /** The reasons the box gives in Chinese for a suggestion of this tier and level. */
    @SuppressWarnings("unchecked")
    private List<String> reasons(String tier, String level, boolean inCatalog, String direction) {
        return (List<String>) suggestions.shown(registrySuggestion(tier, level, inCatalog), -1, direction, CHINESE)
                .get("reasons");
    }

    /** A suggestion as the registry's {@code /routes} writes it, its reasons in English around enum names. */
    private static JsonNode registrySuggestion(String tier, String level, boolean inCatalog) {
        return JsonMapper.builder().build().readTree("""
                {"rank":1,"institutionId":"na-county-hospital","name":"南安市医院","level":"%s",
                 "kind":"GENERAL_HOSPITAL","regionCode":"350583","tier":"%s","allianceId":"na-ycd",
                 "allianceName":"南安市医共体","inCatalog":%s,"matchedCode":"I21",
                 "reasons":["lead hospital (牵头医院) of 南安市医共体, the COUNTY_MEDICAL_COMMUNITY that 石井 belongs to"],
                 "explanation":"lead hospital (牵头医院) of 南安市医共体, the COUNTY_MEDICAL_COMMUNITY that 石井 belongs to"}
                """.formatted(level, tier, inCatalog));
    }

    private static GatewayProblem problem(int status, String field) {
        return new GatewayProblem(status, null, null, null, "detail",
                field == null ? Map.of() : Map.of(field, "must be an ICD-10 code"));
    }

    /** With the console's messages, as Spring Boot reads them. */
    private static RouteSuggestions consoleSuggestions() {
        MessageSource messages = ConsoleMessages.source();
        return new RouteSuggestions(messages, new ProblemMessages(messages));
    }
}
