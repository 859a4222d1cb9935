package cn.referral.console.screens;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import cn.referral.console.gateway.GatewayClient;
import cn.referral.console.gateway.GatewayProblem;
import tools.jackson.databind.JsonNode;

/**
 * What the referral form's suggestions box says, in the console's language. The registry's {@code /routes}
 * gives each suggestion's reasons as English sentences around its enum names ({@code ALLIANCE_LEAD},
 * {@code TERTIARY}, …); the box says them again from the suggestion's fields, each value with its label in
 * messages.properties, and leaves out a value it has no label for (one the registry added since) rather than
 * show its name. When the registry gives no suggestions, the box says why: what is wrong with the diagnosis code
 * when the answer names it, "try again later" only when the platform could not answer.
 */
@Component
class RouteSuggestions {

    /** Where a target stands towards the referring institution's alliances: the registry's {@code RouteTier}. */
    enum Tier {
        ALLIANCE_LEAD, ALLIANCE_HUB, ALLIANCE_MEMBER, OUTSIDE_ALLIANCE
    }

    /** The target's functional level: the registry's {@code InstitutionLevel}. */
    enum Level {
        TERTIARY, SECONDARY, PRIMARY, VILLAGE_CLINIC, UNRATED
    }

    private final MessageSource messages;
    private final ProblemMessages problems;

    RouteSuggestions(MessageSource messages, ProblemMessages problems) {
        this.messages = messages;
        this.problems = problems;
    }

    /**
     * One suggestion as the box shows it: the registry's fields, the label of its tier ({@code tierLabel}, null
     * when unknown), its {@code reasons} in words and the reserve's free units ({@code freeReserve}, -1 for none).
     */
    @SuppressWarnings("unchecked")
    Map<String, Object> shown(JsonNode suggestion, long freeReserve, String direction, Locale locale) {
        Map<String, Object> route = new LinkedHashMap<>((Map<String, Object>) GatewayClient.plain(suggestion));
        Optional<Tier> tier = known(Tier.class, suggestion.path("tier").asString(""));
        route.put("tierLabel", tier.map(known -> label(known, locale)).orElse(null));
        route.put("reasons", reasons(suggestion, tier, direction, locale));
        route.put("freeReserve", freeReserve);
        return route;
    }

    /**
     * Why the registry suggested no target: the diagnosis code is not one it can use (a 400 or 422 naming the
     * diagnosis), the platform could not answer (a 5xx: try again later), or the problem's own line.
     */
    String problem(GatewayProblem problem, String diagnosis, Locale locale) {
        if (problem.names("diagnosis")) {
            return messages.getMessage("routes.diagnosisInvalid", new Object[] {diagnosis.strip()}, locale);
        }
        if (problem.outage()) {
            return messages.getMessage("routes.problem", null, locale);
        }
        if (problem.status() == 400 || problem.status() == 422) {
            return messages.getMessage("routes.rejected", null, locale);
        }
        return problems.summary(problem, locale);
    }

    /** The label of a tier or level, as messages.properties names it ({@code tier.ALLIANCE_LEAD}). */
    private String label(Enum<?> value, Locale locale) {
        return messages.getMessage(value.getDeclaringClass().getSimpleName().toLowerCase(Locale.ROOT) + "."
                + value.name(), null, locale);
    }

    private List<String> reasons(JsonNode suggestion, Optional<Tier> tier, String direction, Locale locale) {
        List<String> reasons = new ArrayList<>();
        tier.ifPresent(known -> reasons.add(messages.getMessage("routes.why." + known.name(),
                new Object[] {suggestion.path("allianceName").asString("")}, locale)));
        known(Level.class, suggestion.path("level").asString(""))
                .ifPresent(level -> reasons.add(messages.getMessage("routes.why.level",
                        new Object[] {label(level, locale)}, locale)));
        String catalog = messages.getMessage("direction." + ("DOWN".equals(direction) ? "DOWN" : "UP"), null, locale);
        reasons.add(suggestion.path("inCatalog").asBoolean(false)
                ? messages.getMessage("routes.why.inCatalog",
                        new Object[] {catalog, suggestion.path("matchedCode").asString("")}, locale)
                : messages.getMessage("routes.why.outsideCatalog", new Object[] {catalog}, locale));
        return reasons;
    }

    private static <E extends Enum<E>> Optional<E> known(Class<E> type, String name) {
        for (E value : type.getEnumConstants()) {
            if (value.name().equals(name)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
