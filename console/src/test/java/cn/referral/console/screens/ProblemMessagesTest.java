package cn.referral.console.screens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.ui.ConcurrentModel;
import org.springframework.ui.Model;

import cn.referral.console.gateway.GatewayProblem;

class ProblemMessagesTest {

    /** Where referral-service's rules are written, seen from this module (the tests' working directory). */
    private static final Path REFERRAL_SOURCES = Path.of("../referral-service/src/main/java");
    /** A rule broken in referral-service, by its stable code: {@code new ReferralRuleViolation("outside-catalog", …}. */
    private static final Pattern RULE_CODE = Pattern.compile("RuleViolation\\(\\s*\"([a-z0-9-]+)\"");
    private static final String OUTSIDE_CATALOG =
            "I21 is outside the 上转病种目录 for SECONDARY / INPATIENT and no overrideReason was given";

    private final ProblemMessages problems = new ProblemMessages(ConsoleMessages.source());

    @Test
    void everyRuleReferralServiceCanBreakIsSaidInEveryLanguage() {
        assumeTrue(Files.isDirectory(REFERRAL_SOURCES), "referral-service's sources are beside this module");
        Set<String> codes = ruleCodes(REFERRAL_SOURCES);
        assertThat(codes).as("the rules found in referral-service").contains("outside-catalog", "unknown-department",
                "target-required", "already-paid-above-schedule", "direction-level-mismatch");
        for (String file : ConsoleMessages.FILES) {
            assertThat(ConsoleMessages.file(file).stringPropertyNames()).as(file)
                    .containsAll(codes.stream().map(code -> "api.code." + code).toList());
        }
    }

    @Test
    void aBrokenRuleIsSaidBesideItsFieldByItsCodeInThePagesLanguage() {
        GatewayProblem problem = ruleBroken("outside-catalog", Map.of("overrideReason", OUTSIDE_CATALOG));

        assertThat(errors(problem, Locale.SIMPLIFIED_CHINESE))
                .containsExactly(Map.entry("overrideReason", "诊断不在该级别的转诊病种目录内，请填写目录外转诊理由"));
        assertThat(errors(problem, Locale.ENGLISH)).containsExactly(Map.entry("overrideReason",
                "The diagnosis is outside the referral catalog for this level: give a reason for referring outside it"));
        assertThat(problems.summary(problem, Locale.SIMPLIFIED_CHINESE)).as("the red mark says which rule")
                .isEqualTo("提交的内容不符合转诊规则，请查看标红的说明。");
    }

    @Test
    void aRuleThatNamesNoFieldIsThePagesLineInsteadOfPointingAtRedMarks() {
        GatewayProblem problem = ruleBroken("direction-level-mismatch", Map.of());

        assertThat(problems.summary(problem, Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("上转须转往更高层级的医疗机构，下转须转往更低层级的医疗机构，请另选接收机构");
        assertThat(problems.summary(problem, Locale.ENGLISH)).startsWith("An up-referral goes to a higher-level");
    }

    @Test
    void aCodeTheConsoleHasNoLineForFallsBackToTheMessageAndTheStatus() {
        GatewayProblem unknown = ruleBroken("some-new-rule", Map.of("reason", "must not be blank"));
        assertThat(errors(unknown, Locale.SIMPLIFIED_CHINESE)).as("a common validation message is still translated")
                .containsExactly(Map.entry("reason", "必填"));

        GatewayProblem untranslated = ruleBroken("some-new-rule",
                Map.of("toDepartment", "a rule the console does not know"));
        assertThat(errors(untranslated, Locale.SIMPLIFIED_CHINESE)).as("else the service's own text")
                .containsExactly(Map.entry("toDepartment", "a rule the console does not know"));
        assertThat(problems.summary(ruleBroken("some-new-rule", Map.of()), Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("提交的内容不符合转诊规则，请查看标红的说明。");
    }

    private Map<String, String> errors(GatewayProblem problem, Locale locale) {
        Model model = new ConcurrentModel();
        problems.show(problem, model, locale);
        @SuppressWarnings("unchecked")
        Map<String, String> errors = (Map<String, String>) model.getAttribute("errors");
        return errors;
    }

    private static GatewayProblem ruleBroken(String code, Map<String, String> fieldErrors) {
        return new GatewayProblem(422, "https://referral.example/problems/referral/" + code, "Referral rule violated",
                code, "detail", fieldErrors);
    }

    /** Every code a {@code …RuleViolation("<code>"} in these sources names. */
    private static Set<String> ruleCodes(Path sources) {
        Set<String> codes = new TreeSet<>();
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(file -> file.toString().endsWith(".java")).forEach(file -> {
                Matcher found = RULE_CODE.matcher(read(file));
                while (found.find()) {
                    codes.add(found.group(1));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return codes;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
