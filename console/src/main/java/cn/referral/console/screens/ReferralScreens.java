package cn.referral.console.screens;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;

import cn.referral.console.config.WebConfiguration;
import cn.referral.console.gateway.GatewayClient;
import cn.referral.console.gateway.GatewayProblem;
import cn.referral.console.signin.Credentials;
import cn.referral.console.signin.SignedIn;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Worklists and one referral: the outgoing list (the doctor's referrals with state badges), the
 * incoming list (in the order the API returns it, with the SLA countdown), the detail with its
 * catalog verdict and timeline in the page's language ({@link ReferralStory}), and the actions the
 * API says the user may take now. Every action sends If-Match with the ETag the detail page was
 * built from; a 412 reloads the page with a readable message.
 */
@Controller
class ReferralScreens {

    private static final Map<String, String> ACTION_PATHS = Map.of(
            "accept", "/accept", "reject", "/reject", "arrival", "/arrival", "no-show", "/no-show",
            "completion", "/completion", "cancel", "/cancel");

    private final GatewayClient gateway;
    private final SignedIn signedIn;
    private final Institutions institutions;
    private final Practitioners practitioners;
    private final ProblemMessages problems;
    private final ReferralStory story;

    ReferralScreens(GatewayClient gateway, SignedIn signedIn, Institutions institutions, Practitioners practitioners,
                    ProblemMessages problems, ReferralStory story) {
        this.gateway = gateway;
        this.signedIn = signedIn;
        this.institutions = institutions;
        this.practitioners = practitioners;
        this.problems = problems;
        this.story = story;
    }

    @GetMapping("/referrals")
    Mono<String> outgoing(@RequestParam(name = "state", required = false) String state, ServerWebExchange exchange,
                          Model model) {
        return worklist("outgoing", state, exchange, model);
    }

    @GetMapping("/worklist")
    Mono<String> incoming(@RequestParam(name = "state", required = false) String state, ServerWebExchange exchange,
                          Model model) {
        return worklist("incoming", state, exchange, model);
    }

    private Mono<String> worklist(String which, String state, ServerWebExchange exchange, Model model) {
        String query = state == null || state.isBlank() ? "" : "&state=" + state;
        return Screen.credentials(signedIn, exchange)
                .flatMap(credentials -> gateway.get(credentials.token(),
                                "/api/worklists/" + which + "?page=0&size=50" + query)
                        .flatMap(list -> {
                            List<String> ids = new ArrayList<>();
                            list.path("items").forEach(item -> {
                                ids.add(item.path("fromInstitutionId").asString(null));
                                ids.add(item.path("toInstitutionId").asString(null));
                            });
                            return institutions.names(credentials.token(), ids).map(names -> {
                                model.addAttribute("names", names);
                                model.addAttribute("items", GatewayClient.plain(list.path("items")));
                                model.addAttribute("total", list.path("total").asLong(0));
                                model.addAttribute("which", which);
                                model.addAttribute("state", state);
                                return "worklist";
                            });
                        }));
    }

    @GetMapping("/referrals/{id}")
    Mono<String> detail(@PathVariable("id") String id, @RequestParam(name = "notice", required = false) String notice,
                        ServerWebExchange exchange, Model model, Locale locale) {
        if (notice != null) {
            model.addAttribute("notice", "notice." + notice.replaceAll("[^a-z-]", ""));
        }
        return Screen.credentials(signedIn, exchange).flatMap(credentials -> page(credentials, id, model, locale));
    }

    private Mono<String> page(Credentials credentials, String id, Model model, Locale locale) {
        return gateway.getVersioned(credentials.token(), "/api/referrals/{id}", id)
                .flatMap(referral -> Mono.zip(gateway.get(credentials.token(), "/api/referrals/{id}/history", id),
                                story.catalogName(credentials.token(), referral.body()),
                                practitioners.find(credentials.token(), referral.body().path("continuityPlan")
                                        .path("handover").path("familyDoctorId").asString("")))
                        .flatMap(found -> {
                            JsonNode body = referral.body();
                            JsonNode history = found.getT1();
                            List<String> ids = new ArrayList<>(List.of(body.path("fromInstitutionId").asString(""),
                                    body.path("toInstitutionId").asString("")));
                            history.path("entries").forEach(entry ->
                                    ids.add(entry.path("institutionId").asString(null)));
                            return institutions.find(credentials.token(), ids).map(known -> {
                                model.addAttribute("names", Institutions.names(known));
                                model.addAttribute("r", GatewayClient.plain(body));
                                model.addAttribute("etag", referral.etag());
                                model.addAttribute("verdict", story.verdict(body, found.getT2(), known, locale));
                                model.addAttribute("handoverDoctor", found.getT3());
                                model.addAttribute("history", story.history(body, history.path("entries"), locale));
                                List<String> actions = new ArrayList<>();
                                body.path("allowedActions").forEach(action -> actions.add(action.asString()));
                                model.addAttribute("actions", actions);
                                model.addAttribute("departments", ReferralFormController.DEPARTMENTS);
                                return "referral";
                            });
                        }));
    }

    /** accept, reject, arrival, no-show, completion, cancel: each with If-Match from the page's ETag. */
    @PostMapping("/referrals/{id}/{action}")
    Mono<String> act(@PathVariable("id") String id, @PathVariable("action") String action, ServerWebExchange exchange,
                     Model model, Locale locale) {
        String path = ACTION_PATHS.get(action);
        if (path == null) {
            exchange.getResponse().setStatusCode(HttpStatus.NOT_FOUND);
            return Mono.just("problem");
        }
        return Screen.credentials(signedIn, exchange).flatMap(credentials -> exchange.getFormData().flatMap(form -> {
            Map<String, String> errors = new LinkedHashMap<>();
            Map<String, Object> body = body(action, form.toSingleValueMap(), errors, locale);
            if (!errors.isEmpty()) {
                return failed(credentials, id, new GatewayProblem(400, null, null, null, null, errors), exchange, model,
                        locale, action);
            }
            return gateway.post(credentials.token(), "/api/referrals/{id}" + path, body, form.getFirst("etag"), null,
                            id)
                    .thenReturn("redirect:/referrals/" + id + "?notice=done")
                    .onErrorResume(GatewayProblem.class, problem -> problem.status() == 401
                            ? Mono.just("redirect:/sign-in")
                            : failed(credentials, id, problem, exchange, model, locale, action));
        }));
    }

    /** The page again, fresh from the API (so a stale ETag is replaced), with the problem shown. */
    private Mono<String> failed(Credentials credentials, String id, GatewayProblem problem, ServerWebExchange exchange,
                                Model model, Locale locale, String action) {
        exchange.getResponse().setStatusCode(HttpStatus.valueOf(problem.status()));
        problems.show(problem, model, locale);
        model.addAttribute("failedAction", action);
        return page(credentials, id, model, locale);
    }

    private Map<String, Object> body(String action, Map<String, String> form, Map<String, String> errors,
                                     Locale locale) {
        Map<String, Object> body = new LinkedHashMap<>();
        switch (action) {
            case "accept" -> {
                String at = form.getOrDefault("appointmentAt", "");
                try {
                    body.put("appointmentAt", LocalDateTime.parse(at).atZone(WebConfiguration.CHINA).toInstant()
                            .toString());
                } catch (DateTimeParseException e) {
                    errors.put("appointmentAt", problems.field("choose an appointment time", locale));
                }
            }
            case "reject" -> {
                putIfPresent(body, "reasonCode", form.get("reasonCode"));
                putIfPresent(body, "note", form.get("note"));
            }
            case "cancel" -> putIfPresent(body, "reasonCode", form.get("reasonCode"));
            case "completion" -> {
                putIfPresent(body, "outcome", form.get("outcome"));
                putIfPresent(body, "summary", form.get("summary"));
                body.put("downReferralRecommended", "on".equals(form.get("downReferralRecommended"))
                        || "true".equals(form.get("downReferralRecommended")));
            }
            default -> {
                // arrival and no-show carry no body
            }
        }
        return body;
    }

    private static void putIfPresent(Map<String, Object> body, String field, String value) {
        if (value != null && !value.isBlank()) {
            body.put(field, value.strip());
        }
    }
}
