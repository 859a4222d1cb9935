package cn.referral.referral.adapter.in.web.fhir;

import static org.hl7.fhir.r4.model.Enumerations.SearchParamType.REFERENCE;
import static org.hl7.fhir.r4.model.Enumerations.SearchParamType.TOKEN;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.hl7.fhir.r4.model.Enumerations.SearchParamType;
import org.springframework.util.MultiValueMap;

import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.domain.ReferralId;
import cn.referral.referral.application.port.in.ReferralSearch;
import cn.referral.referral.domain.referral.ReferralState;

/**
 * Reads the search parameters the CapabilityStatement lists and nothing else: an unknown
 * parameter, modifier or code is a 400 naming it, never silently ignored (a client that thinks it
 * filtered must not get everything). Status codes are FHIR's, mapped back to the states behind them.
 */
final class FhirSearchParameters {

    static final int DEFAULT_COUNT = 20;
    static final int MAX_COUNT = 100;
    /** FHIR's id type: up to 64 of A–Z, a–z, 0–9, '-' and '.'. */
    static final Pattern ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");
    /** Parameters every search accepts: paging, and the format (JSON is the only one served). */
    private static final Set<String> COMMON = Set.of("_count", "_offset", "_format");

    /** A search parameter as the CapabilityStatement lists it; a search accepts its own and {@link #COMMON}. */
    record Parameter(String name, SearchParamType type, String definition, String documentation) {
    }

    static final List<Parameter> SERVICE_REQUEST_PARAMETERS = List.of(
            new Parameter("requester", REFERENCE, "ServiceRequest-requester",
                    "Organization/{id}: the referring institution"),
            new Parameter("performer", REFERENCE, "ServiceRequest-performer",
                    "Organization/{id}: the receiving institution"),
            new Parameter("status", TOKEN, "ServiceRequest-status",
                    "active | completed | revoked (comma-separated codes are ORed)"),
            new Parameter("patient", REFERENCE, "clinical-patient", "Patient/{pseudonym}"));

    static final List<Parameter> TASK_PARAMETERS = List.of(
            new Parameter("focus", REFERENCE, "Task-focus", "ServiceRequest/{id}: the referral's task"),
            new Parameter("owner", REFERENCE, "Task-owner",
                    "Organization/{id}: the receiving institution (a desk's worklist)"),
            new Parameter("status", TOKEN, "Task-status",
                    "requested | accepted | rejected | in-progress | completed | cancelled | failed"));

    private FhirSearchParameters() {
    }

    static ReferralSearch serviceRequests(MultiValueMap<String, String> query) {
        allowOnly(query, SERVICE_REQUEST_PARAMETERS);
        return new ReferralSearch(null, organization(query, "requester"), organization(query, "performer"),
                reference(query, "patient", "Patient"),
                states(query, "status", SERVICE_REQUEST_STATES), offset(query), count(query), false);
    }

    static ReferralSearch tasks(MultiValueMap<String, String> query) {
        allowOnly(query, TASK_PARAMETERS);
        String focus = reference(query, "focus", "ServiceRequest");
        return new ReferralSearch(focus == null ? null : new ReferralId(focus), null,
                organization(query, "owner"), null, states(query, "status", TASK_STATES),
                offset(query), count(query), false);
    }

    /** The states behind each ServiceRequest status ({@link FhirResources#serviceRequestStatus}). */
    private static final Map<String, Set<ReferralState>> SERVICE_REQUEST_STATES = Map.of(
            "active", statesWhere(s -> FhirResources.serviceRequestStatus(s).toCode().equals("active")),
            "completed", statesWhere(s -> FhirResources.serviceRequestStatus(s).toCode().equals("completed")),
            "revoked", statesWhere(s -> FhirResources.serviceRequestStatus(s).toCode().equals("revoked")),
            "draft", Set.of(), "on-hold", Set.of(), "entered-in-error", Set.of(), "unknown", Set.of());

    /** The states behind each Task status ({@link FhirResources#taskStatus}); codes we never use match nothing. */
    private static final Map<String, Set<ReferralState>> TASK_STATES = taskStates();

    private static Map<String, Set<ReferralState>> taskStates() {
        Map<String, Set<ReferralState>> byCode = new java.util.HashMap<>();
        for (String code : List.of("draft", "requested", "received", "accepted", "rejected", "ready", "cancelled",
                "in-progress", "on-hold", "failed", "completed", "entered-in-error")) {
            byCode.put(code, statesWhere(s -> FhirResources.taskStatus(s).toCode().equals(code)));
        }
        return Map.copyOf(byCode);
    }

    private static Set<ReferralState> statesWhere(java.util.function.Predicate<ReferralState> test) {
        Set<ReferralState> states = EnumSet.noneOf(ReferralState.class);
        for (ReferralState state : ReferralState.values()) {
            if (test.test(state)) {
                states.add(state);
            }
        }
        return Set.copyOf(states);
    }

    private static void allowOnly(MultiValueMap<String, String> query, List<Parameter> parameters) {
        Set<String> allowed = parameters.stream().map(Parameter::name).collect(Collectors.toSet());
        for (String name : query.keySet()) {
            if (!allowed.contains(name) && !COMMON.contains(name)) {
                String base = name.contains(":") ? name.substring(0, name.indexOf(':')) : name;
                throw new FhirBadRequest(name, allowed.contains(base)
                        ? "modifiers are not supported on '" + base + "'"
                        : "unknown search parameter; supported: " + String.join(", ", new java.util.TreeSet<>(allowed))
                        + ", _count, _offset");
            }
        }
        String format = single(query, "_format");
        if (format != null && !Set.of("json", "application/fhir+json", "application/json").contains(format)) {
            throw new FhirBadRequest("_format", "only json is served");
        }
    }

    /** {@code Type/id} or a bare id; one value (AND of two different ids matches nothing and is refused). */
    private static String reference(MultiValueMap<String, String> query, String name, String type) {
        String value = single(query, name);
        if (value == null) {
            return null;
        }
        String id = value.startsWith(type + "/") ? value.substring(type.length() + 1) : value;
        if (!ID.matcher(id).matches()) {
            throw new FhirBadRequest(name, "must be a " + type + " reference such as " + type + "/some-id");
        }
        return id;
    }

    /** An {@code Organization} reference: the institution it names, or null when the parameter is absent. */
    private static InstitutionId organization(MultiValueMap<String, String> query, String name) {
        String id = reference(query, name, "Organization");
        return id == null ? null : new InstitutionId(id);
    }

    /** Comma-separated codes are ORed; every code must be one of the resource's status codes. */
    private static Set<ReferralState> states(MultiValueMap<String, String> query, String name,
                                             Map<String, Set<ReferralState>> byCode) {
        String value = single(query, name);
        if (value == null) {
            return null;
        }
        Set<ReferralState> states = EnumSet.noneOf(ReferralState.class);
        for (String code : value.split(",", -1)) {
            Set<ReferralState> matched = byCode.get(code.strip());
            if (matched == null) {
                throw new FhirBadRequest(name, "unknown code '" + code.strip() + "'; one of "
                        + String.join(", ", new java.util.TreeSet<>(byCode.keySet())));
            }
            states.addAll(matched);
        }
        // a valid code that none of our states maps to (e.g. draft) leaves the set empty: nothing matches
        return states;
    }

    private static int count(MultiValueMap<String, String> query) {
        return integer(query, "_count", DEFAULT_COUNT, 1, MAX_COUNT);
    }

    private static int offset(MultiValueMap<String, String> query) {
        return integer(query, "_offset", 0, 0, 100_000);
    }

    private static int integer(MultiValueMap<String, String> query, String name, int fallback, int min, int max) {
        String value = single(query, name);
        if (value == null) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number < min || number > max) {
                throw new FhirBadRequest(name, "must be between " + min + " and " + max);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new FhirBadRequest(name, "must be a whole number");
        }
    }

    private static String single(MultiValueMap<String, String> query, String name) {
        List<String> values = query.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw new FhirBadRequest(name, "give it once (use commas to OR codes)");
        }
        String value = values.get(0);
        if (value == null || value.isBlank()) {
            throw new FhirBadRequest(name, "must not be empty");
        }
        return value;
    }
}
