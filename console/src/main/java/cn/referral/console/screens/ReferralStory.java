package cn.referral.console.screens;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import cn.referral.console.gateway.GatewayClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * What the referral detail page says about how the referral got where it is, in the page's language: the catalog
 * verdict and why each history line happened. Referral-service writes both as English sentences around ids and
 * ISO-8601 instants ({@code eligibility.explanation}, each history line's {@code reason}); the page says them again
 * from the referral's own members instead (the verdict's {@code inCatalog}, {@code catalogEntry},
 * {@code overrideReason} and {@code toContractedInstitution}, {@code contracted}, the appointment, the deadlines, the
 * reject, cancel and completion outcome, the down-referral it continues as), with times in China time.
 * <p>
 * A history line whose reason has no such member says only what happened: the quota lines (a hold's id, a waitlist
 * position, quota's release or no-pool code, each known only as text in that line; the slot card shows the current
 * one) and a line of an action the console does not know yet.
 */
@Component
class ReferralStory {

    /** What a history line records: referral-service's {@code HistoryAction}, whose names the API serves. */
    enum HistoryAction {
        SUBMIT, ACCEPT, REJECT, CANCEL, RECORD_ARRIVAL, COMPLETE, DOWN_REFERRAL_SUBMITTED,
        ESCALATE, EXPIRE, NO_SHOW,
        SLOT_HELD, WAITLISTED, SLOT_UNAVAILABLE, SLOT_RELEASED, SLOT_CONFIRMED,
        SLOT_HELD_IGNORED, WAITLISTED_IGNORED, UNAVAILABLE_IGNORED
    }

    private final GatewayClient gateway;
    private final MessageSource messages;
    private final Formats formats;

    ReferralStory(GatewayClient gateway, MessageSource messages, Formats formats) {
        this.gateway = gateway;
        this.messages = messages;
        this.formats = formats;
    }

    /**
     * The name of the catalog that let the referral in, read from the registry; empty when it was referred outside
     * the catalogs, or when the registry does not answer (the verdict then says "in the catalog" without its name).
     */
    Mono<String> catalogName(String token, JsonNode referral) {
        String catalogId = referral.path("eligibility").path("catalogId").asString("");
        if (catalogId.isBlank()) {
            return Mono.just("");
        }
        return gateway.get(token, "/api/registry/catalogs/{id}", catalogId)
                .map(catalog -> catalog.path("name").asString(""))
                .onErrorReturn("");
    }

    /**
     * The verdict that let the referral in, one sentence each: the functional levels it goes between (named when
     * {@code institutions}, the referral's institutions as the registry has them, say both), the patient's
     * family-doctor contract, and the catalog (named when {@code catalogName} is not blank) or the doctor's override.
     * None for a referral without a verdict.
     */
    List<String> verdict(JsonNode referral, String catalogName, Map<String, Institutions.Institution> institutions,
                         Locale locale) {
        JsonNode eligibility = referral.path("eligibility");
        if (!eligibility.isObject()) {
            return List.of();
        }
        String direction = "DOWN".equals(referral.path("direction").asString("")) ? "DOWN" : "UP";
        String diagnosis = referral.path("diagnosisCode").asString("");
        List<String> verdict = new ArrayList<>();
        verdict.add(levels(direction, institutions.get(referral.path("fromInstitutionId").asString("")),
                institutions.get(referral.path("toInstitutionId").asString("")), locale));
        verdict.add(message(!referral.path("contracted").asBoolean(false) ? "verdict.notContracted"
                : eligibility.path("toContractedInstitution").asBoolean(false) ? "verdict.contractedInstitution"
                : "verdict.contracted", locale));
        String catalog = message("verdict.catalog." + direction, locale);
        if (!eligibility.path("inCatalog").asBoolean(false)) {
            verdict.add(message("verdict.outsideCatalog", locale, diagnosis, catalog));
        } else if (catalogName.isBlank()) {
            verdict.add(message("verdict.inCatalog", locale, diagnosis, catalog,
                    eligibility.path("catalogEntry").asString("")));
        } else {
            verdict.add(message("verdict.inNamedCatalog", locale, diagnosis, catalog,
                    eligibility.path("catalogEntry").asString(""), catalogName));
        }
        return verdict;
    }

    /**
     * From which functional level to which the referral goes, as the registry rates its two institutions; without
     * the levels when either is not known, or is unrated, which names no level to go from or to.
     */
    private String levels(String direction, Institutions.Institution from, Institutions.Institution to,
                          Locale locale) {
        String fromLevel = level(from, locale);
        String toLevel = level(to, locale);
        return fromLevel == null || toLevel == null ? message("verdict.level." + direction, locale)
                : message("verdict.levels." + direction, locale, fromLevel, toLevel);
    }

    /** The institution's functional level in words; null when it is not known, unrated or has no words here. */
    private String level(Institutions.Institution institution, Locale locale) {
        if (institution == null || institution.level() == null || "UNRATED".equals(institution.level())) {
            return null;
        }
        return messages.getMessage("level." + institution.level(), null, null, locale);
    }

    /**
     * The referral's history lines as the API gives them, each with {@code why}: what made it happen, from the
     * referral's members, or null where the line has nothing to say beyond what happened.
     */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> history(JsonNode referral, JsonNode entries, Locale locale) {
        List<Map<String, Object>> lines = new ArrayList<>();
        entries.forEach(entry -> {
            Map<String, Object> line = new LinkedHashMap<>((Map<String, Object>) GatewayClient.plain(entry));
            line.put("why", why(entry.path("action").asString(""), referral, locale));
            lines.add(line);
        });
        return lines;
    }

    private String why(String action, JsonNode referral, Locale locale) {
        JsonNode outcome = referral.path("outcome");
        JsonNode deadlines = referral.path("deadlines");
        return switch (action) {
            case "SUBMIT" -> submission(referral.path("eligibility"), locale);
            case "ACCEPT" -> message("history.why.appointment", locale, time(referral.path("appointmentAt")));
            case "REJECT" -> withNote(labelled("reject.", outcome.path("rejectReason"), locale),
                    outcome.path("rejectNote").asString(""), locale);
            case "CANCEL" -> labelled("cancel.", outcome.path("cancelReason"), locale);
            case "COMPLETE" -> completion(outcome.path("completion"), locale);
            case "ESCALATE" -> message("history.why.notAcceptedBy", locale, time(deadlines.path("escalateAt")));
            case "EXPIRE" -> message("history.why.notAcceptedBy", locale, time(deadlines.path("acceptBy")));
            case "NO_SHOW" -> message("history.why.notArrivedBy", locale, time(deadlines.path("noShowAfter")));
            case "DOWN_REFERRAL_SUBMITTED" -> referral.path("loop").path("downReferralId").isString()
                    ? message("history.why.downReferral", locale,
                            formats.shortId(referral.path("loop").path("downReferralId").asString()))
                    : null;
            default -> null;
        };
    }

    /** In the catalog, or outside it for the reason the doctor gave; nothing for a referral without a verdict. */
    private String submission(JsonNode eligibility, Locale locale) {
        if (!eligibility.isObject()) {
            return null;
        }
        return eligibility.path("inCatalog").asBoolean(false) ? message("history.why.inCatalog", locale)
                : message("history.why.outsideCatalog", locale, eligibility.path("overrideReason").asString(""));
    }

    /** The outcome's label, and that going back down was recommended when it was. */
    private String completion(JsonNode completion, Locale locale) {
        String outcome = labelled("outcome.", completion.path("outcome"), locale);
        return outcome != null && completion.path("downReferralRecommended").asBoolean(false)
                ? message("history.why.downRecommended", locale, outcome)
                : outcome;
    }

    private String withNote(String reason, String note, Locale locale) {
        return reason == null || note.isBlank() ? reason : message("history.why.withNote", locale, reason, note);
    }

    /** The label of a code under {@code prefix} in messages.properties; null for a code it has no label for. */
    private String labelled(String prefix, JsonNode code, Locale locale) {
        return code.isString() ? messages.getMessage(prefix + code.asString(), null, null, locale) : null;
    }

    private String time(JsonNode instant) {
        return formats.time(instant.isString() ? instant.asString() : null);
    }

    private String message(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }
}
