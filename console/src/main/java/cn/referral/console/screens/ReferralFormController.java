package cn.referral.console.screens;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;

import cn.referral.console.gateway.GatewayClient;
import cn.referral.console.gateway.GatewayProblem;
import cn.referral.console.signin.Credentials;
import cn.referral.console.signin.SignedIn;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The referral form: a primary-care doctor's up-referral, or a hospital doctor's down-referral with
 * its continuity plan. The patient's identity number is checked as typed (in the browser and here)
 * and never echoed back: after an error the field is empty and only its last four characters show.
 * Route suggestions come from the registry's {@code /routes}, with the reserve's free units. The family doctor a
 * down-referral hands the patient over to is chosen by name among the family doctors of the institution it goes to,
 * when the form knows that institution: the target chosen, else the primary institution of the patient's contract in
 * force, where referral-service sends a down-referral without a target.
 */
@Controller
class ReferralFormController {

    static final List<String> DEPARTMENTS = List.of("心血管内科", "神经内科", "全科", "康复医学科", "肿瘤科",
            "急诊医学科", "中医科");

    /**
     * The form's own field (never posted to the API) keeping where a down-referral without a target goes: the primary
     * institution of the patient's family-doctor contract in force, for the form drawn again after an error.
     */
    static final String CONTRACTED_INSTITUTION = "contract.primaryInstitutionId";

    /**
     * The family doctors the form offers, and the institution they work at; {@code contracted} when it is the
     * patient's contracted one, where the down-referral goes without a target. None, and no institution, when the
     * form asks for the doctor's id instead.
     */
    record FamilyDoctors(List<Practitioners.Practitioner> doctors, String institutionName, boolean contracted) {

        static final FamilyDoctors NONE = new FamilyDoctors(List.of(), null, false);
    }

    private final GatewayClient gateway;
    private final SignedIn signedIn;
    private final ProblemMessages problems;
    private final RouteSuggestions suggestions;
    private final Practitioners practitioners;
    private final Institutions institutions;
    private final Clock clock;

    ReferralFormController(GatewayClient gateway, SignedIn signedIn, ProblemMessages problems,
                           RouteSuggestions suggestions, Practitioners practitioners, Institutions institutions,
                           Clock clock) {
        this.gateway = gateway;
        this.signedIn = signedIn;
        this.problems = problems;
        this.suggestions = suggestions;
        this.practitioners = practitioners;
        this.institutions = institutions;
        this.clock = clock;
    }

    @GetMapping("/referrals/new")
    Mono<String> form(@RequestParam(name = "direction", defaultValue = "UP") String direction,
                      @RequestParam(name = "basedOn", required = false) String basedOn,
                      ServerWebExchange exchange, Model model) {
        Map<String, String> form = new LinkedHashMap<>();
        boolean down = "DOWN".equals(direction);
        form.put("direction", down ? "DOWN" : "UP");
        form.put("careType", down ? "INPATIENT" : "OUTPATIENT");
        form.put("urgency", "ROUTINE");
        form.put("fromDepartment", "全科");
        form.put("patient.insuranceScheme", "EMPLOYEE");
        form.put("requestedFrom", LocalDate.now(clock).plusDays(1).toString());
        form.put("requestedUntil", LocalDate.now(clock).plusDays(7).toString());
        // the day the patient leaves the stay here, planned: the first day asked for at the target. Billing
        // needs it to see one hospitalisation (同一次住院) and not charge a second deductible.
        form.put("sourceEpisode.dischargedOn", form.get("requestedFrom"));
        form.put("idempotencyKey", UUID.randomUUID().toString());
        if (down) {
            form.put("continuityPlan.longPrescription.days", "60");
            form.put("continuityPlan.followUps", "7 复查");
        }
        if (basedOn == null) {
            return Mono.fromSupplier(() -> render(model, form, Map.of(), FamilyDoctors.NONE));
        }
        return Screen.credentials(signedIn, exchange)
                .flatMap(credentials -> gateway.get(credentials.token(), "/api/referrals/{id}", basedOn)
                        .doOnNext(up -> prefillFrom(up, form))
                        .flatMap(up -> contractedInstitution(credentials, up.path("patient").path("patientRef")
                                .asString("")))
                        .doOnNext(institution -> form.put(CONTRACTED_INSTITUTION, institution))
                        .then(Mono.defer(() -> familyDoctors(credentials, form)))
                        .map(doctors -> render(model, form, Map.of(), doctors)));
    }

    @PostMapping("/referrals")
    Mono<String> submit(ServerWebExchange exchange, Model model, Locale locale) {
        return Screen.credentials(signedIn, exchange).flatMap(credentials -> exchange.getFormData().flatMap(data -> {
            Map<String, String> form = new LinkedHashMap<>(data.toSingleValueMap());
            form.remove("_csrf");
            String idNumber = IdentityNumberCheck.normalise(form.remove("patient.idNumber"));
            Map<String, String> errors = new LinkedHashMap<>();
            if (!IdentityNumberCheck.valid(idNumber)) {
                errors.put("patient.idNumber", problems.field("identity number check failed", locale));
            }
            if (!errors.isEmpty()) {
                exchange.getResponse().setStatusCode(HttpStatus.BAD_REQUEST);
                return renderWithTyped(credentials, model, form, errors, idNumber);
            }
            Map<String, Object> request = request(form, idNumber, credentials);
            return gateway.post(credentials.token(), "/api/referrals", request, null, form.get("idempotencyKey"))
                    .map(created -> "redirect:/referrals/" + created.body().path("id").asString())
                    .onErrorResume(GatewayProblem.class, problem -> {
                        if (problem.status() == 401) {
                            return Mono.just("redirect:/sign-in");
                        }
                        exchange.getResponse().setStatusCode(HttpStatus.valueOf(problem.status()));
                        problems.show(problem, model, locale);
                        @SuppressWarnings("unchecked")
                        Map<String, String> apiErrors = (Map<String, String>) model.getAttribute("errors");
                        return renderWithTyped(credentials, model, form, apiErrors, idNumber);
                    });
        }));
    }

    /**
     * Where the patient could go, inside the alliance first, with the reserve's free units on the
     * first requested day for the care type (and department, once chosen) (htmx fragment; diagnosis,
     * care type and department only — no patient data in the URL). The reasons are in the console's language;
     * when there are none, the box says why ({@link RouteSuggestions#problem}).
     */
    @GetMapping("/fragments/routes")
    Mono<String> routes(@RequestParam(name = "diagnosis.code", defaultValue = "") String diagnosis,
                        @RequestParam(name = "careType", defaultValue = "OUTPATIENT") String careType,
                        @RequestParam(name = "direction", defaultValue = "UP") String direction,
                        @RequestParam(name = "requestedFrom", required = false) String requestedFrom,
                        @RequestParam(name = "toDepartment", required = false) String department,
                        @RequestParam(name = "chosenTarget", required = false) String chosen,
                        ServerWebExchange exchange, Model model, Locale locale) {
        model.addAttribute("chosen", chosen);
        model.addAttribute("direction", direction);
        if (diagnosis.isBlank()) {
            model.addAttribute("routes", List.of());
            return Mono.just("fragments :: routes");
        }
        return Screen.credentials(signedIn, exchange).flatMap(credentials -> gateway.get(credentials.token(),
                        "/api/registry/routes?from={from}&diagnosis={diagnosis}&careType={careType}"
                                + "&direction={direction}&limit=5",
                        credentials.user().institutionId(), diagnosis.strip().toUpperCase(), careType, direction)
                .flatMapMany(Flux::fromIterable)
                .index()
                .concatMap(indexed -> freeReserve(credentials, indexed.getT2(),
                        new ReserveWanted(requestedFrom, careType, department), indexed.getT1() < 3)
                        .map(free -> suggestions.shown(indexed.getT2(), free, direction, locale)))
                .collectList()
                .map(routes -> {
                    model.addAttribute("routes", routes);
                    return "fragments :: routes";
                })
                .onErrorResume(GatewayProblem.class, problem -> {
                    model.addAttribute("routes", List.of());
                    model.addAttribute("routesProblem", suggestions.problem(problem, diagnosis, locale));
                    return Mono.just("fragments :: routes");
                }));
    }

    /**
     * The down-referral form's family-doctor field drawn again for the target the doctor chose among the routes (htmx
     * fragment): that target's family doctors, or the contracted centre's when the doctor chose to let the contract
     * decide, or the id asked for when neither is known. A new target is a new choice: nobody is chosen yet.
     */
    @GetMapping("/fragments/family-doctors")
    Mono<String> familyDoctorField(@RequestParam(name = "toInstitutionId", required = false) String target,
                                   @RequestParam(name = CONTRACTED_INSTITUTION, required = false) String contracted,
                                   ServerWebExchange exchange, Model model) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("direction", "DOWN");
        form.put("toInstitutionId", target);
        form.put(CONTRACTED_INSTITUTION, contracted);
        return Screen.credentials(signedIn, exchange).flatMap(credentials -> familyDoctors(credentials, form))
                .map(doctors -> {
                    model.addAttribute("form", form);
                    model.addAttribute("errors", Map.of());
                    offer(model, doctors);
                    return "fragments :: familyDoctor";
                });
    }

    /** The day, and the resource and department a referral of this form would hold a unit of. */
    record ReserveWanted(String day, String careType, String department) {

        /** Quota's resource for the care type, as quota-service maps it. */
        String resource() {
            return switch (careType == null ? "" : careType) {
                case "INPATIENT" -> "INPATIENT_BED";
                case "EXAMINATION" -> "EXAMINATION";
                default -> "EXPERT_CLINIC";
            };
        }

        boolean counts(JsonNode pool) {
            return resource().equals(pool.path("resource").asString())
                    && (department == null || department.isBlank()
                    || department.strip().equals(pool.path("department").asString()));
        }
    }

    /**
     * Quota's free reserved units at the route's institution ({@code /api/quota/reserve}, which a
     * referring doctor may read for any institution); -1, shown as nothing, when it cannot say.
     */
    private Mono<Long> freeReserve(Credentials credentials, JsonNode route, ReserveWanted wanted, boolean look) {
        if (!look || wanted.day() == null || wanted.day().isBlank()) {
            return Mono.just(-1L);
        }
        return gateway.get(credentials.token(), "/api/quota/reserve?institutionId={id}&date={day}",
                        route.path("institutionId").asString(), wanted.day())
                .map(pools -> {
                    long free = 0;
                    boolean any = false;
                    for (JsonNode pool : pools) {
                        if (wanted.counts(pool)) {
                            any = true;
                            free += pool.path("freeReserve").asLong(0);
                        }
                    }
                    return any ? free : -1L;
                })
                .onErrorReturn(-1L);
    }

    /** A down-referral starts from the up-referral it closes: diagnosis, department, care type, insurance. */
    private static void prefillFrom(JsonNode up, Map<String, String> form) {
        form.put("basedOn", up.path("id").asString());
        form.put("diagnosis.code", up.path("diagnosisCode").asString(""));
        form.put("diagnosis.name", up.path("diagnosisName").asString(""));
        form.put("fromDepartment", up.path("toDepartment").asString("全科"));
        form.put("careType", up.path("careType").asString("INPATIENT"));
        // Only what is not masked: name, phone and the numbers are shown masked and are typed again.
        JsonNode patient = up.path("patient");
        form.put("patient.insuranceScheme", patient.path("insuranceScheme").asString("EMPLOYEE"));
        form.put("patient.insuranceRegionCode", patient.path("insuranceRegionCode").asString(""));
        form.put("reason", "急性期治疗结束，转回基层康复");
    }

    /**
     * Where a down-referral without a target goes, as referral-service decides it ({@code ContractedPrimaryCare}):
     * the primary institution of the patient's family-doctor contract in force today, read from the registry by the
     * patient's pseudonym (a read of the contract the registry records, for continuity of care). Empty when the
     * patient has no contract in force (referral-service then asks for a target), or the registry does not answer.
     */
    private Mono<String> contractedInstitution(Credentials credentials, String patientRef) {
        if (patientRef.isBlank()) {
            return Mono.empty();
        }
        return gateway.get(credentials.token(), "/api/registry/contracts?patientRef={patientRef}", patientRef)
                .filter(contract -> contract.path("validToday").asBoolean(false))
                .map(contract -> contract.path("primaryInstitutionId").asString(""))
                .filter(institution -> !institution.isBlank())
                .onErrorResume(error -> Mono.empty());
    }

    /**
     * The family doctors a down-referral may be handed over to: those of the institution it goes to, when the form
     * knows it (the route chosen, else the patient's contracted institution), named by the registry; none when it
     * does not (the patient has no contract in force and no target is chosen), when the registry does not answer, or
     * when the doctor already typed an id that is none of them, so the form asks for the id as typed.
     */
    private Mono<FamilyDoctors> familyDoctors(Credentials credentials, Map<String, String> form) {
        String target = blankToNull(form.get("toInstitutionId"));
        String institution = target != null ? target : blankToNull(form.get(CONTRACTED_INSTITUTION));
        if (!"DOWN".equals(form.get("direction")) || institution == null) {
            return Mono.just(FamilyDoctors.NONE);
        }
        String chosen = blankToNull(form.get("continuityPlan.handover.familyDoctorId"));
        return Mono.zip(practitioners.familyDoctorsAt(credentials.token(), institution),
                        institutions.names(credentials.token(), List.of(institution)))
                .map(found -> {
                    List<Practitioners.Practitioner> doctors = found.getT1();
                    boolean offered = !doctors.isEmpty() && (chosen == null
                            || doctors.stream().anyMatch(doctor -> doctor.id().equals(chosen)));
                    return offered ? new FamilyDoctors(doctors, found.getT2().get(institution), target == null)
                            : FamilyDoctors.NONE;
                });
    }

    private String render(Model model, Map<String, String> form, Map<String, String> errors,
                          FamilyDoctors familyDoctors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("departments", DEPARTMENTS);
        model.addAttribute("down", "DOWN".equals(form.get("direction")));
        offer(model, familyDoctors);
        return "referral-form";
    }

    /** The family doctors the family-doctor field offers, and where they work. */
    private static void offer(Model model, FamilyDoctors familyDoctors) {
        model.addAttribute("familyDoctors", familyDoctors.doctors());
        model.addAttribute("familyDoctorsAt", familyDoctors.institutionName());
        model.addAttribute("familyDoctorsContracted", familyDoctors.contracted());
    }

    /** The form again after a refusal, with what was typed, the identity number only as its last characters. */
    private Mono<String> renderWithTyped(Credentials credentials, Model model, Map<String, String> form,
                                         Map<String, String> errors, String idNumber) {
        model.addAttribute("typedIdTail", idNumber.isEmpty() ? null : IdentityNumberCheck.masked(idNumber));
        return familyDoctors(credentials, form).map(doctors -> render(model, form, errors, doctors));
    }

    /** The API's request body from the form's fields (named as the API names them, e.g. {@code patient.name}). */
    private static Map<String, Object> request(Map<String, String> form, String idNumber, Credentials credentials) {
        Map<String, Object> patient = new LinkedHashMap<>();
        patient.put("name", blankToNull(form.get("patient.name")));
        patient.put("gender", IdentityNumberCheck.gender(idNumber));
        patient.put("birthDate", IdentityNumberCheck.birthDate(idNumber).toString());
        patient.put("idNumber", idNumber);
        patient.put("insuredPersonNo", blankToNull(form.get("patient.insuredPersonNo")));
        patient.put("insuranceScheme", blankToNull(form.get("patient.insuranceScheme")));
        patient.put("insuranceRegionCode", blankToNull(form.get("patient.insuranceRegionCode")));
        patient.put("phone", blankToNull(form.get("patient.phone")));
        Map<String, Object> diagnosis = new LinkedHashMap<>();
        diagnosis.put("code", blankToNull(upper(form.get("diagnosis.code"))));
        diagnosis.put("name", blankToNull(form.get("diagnosis.name")));

        Map<String, Object> request = new LinkedHashMap<>();
        request.put("direction", form.getOrDefault("direction", "UP"));
        request.put("careType", blankToNull(form.get("careType")));
        request.put("urgency", blankToNull(form.get("urgency")));
        request.put("patient", patient);
        request.put("diagnosis", diagnosis);
        request.put("reason", blankToNull(form.get("reason")));
        request.put("clinicalSummary", blankToNull(form.get("clinicalSummary")));
        request.put("overrideReason", blankToNull(form.get("overrideReason")));
        request.put("fromInstitutionId", credentials.user().institutionId());
        request.put("fromDepartment", blankToNull(form.get("fromDepartment")));
        request.put("toInstitutionId", blankToNull(form.get("toInstitutionId")));
        request.put("toDepartment", blankToNull(form.get("toDepartment")));
        request.put("requestedFrom", blankToNull(form.get("requestedFrom")));
        request.put("requestedUntil", blankToNull(form.get("requestedUntil")));
        if (form.get("sourceEpisode.admissionDate") != null && !form.get("sourceEpisode.admissionDate").isBlank()) {
            Map<String, Object> episode = new LinkedHashMap<>();
            episode.put("admissionDate", form.get("sourceEpisode.admissionDate"));
            episode.put("dischargedOn", blankToNull(form.get("sourceEpisode.dischargedOn")));
            episode.put("deductiblePaidFen", fen(form.get("sourceEpisode.deductiblePaidYuan")));
            episode.values().removeIf(value -> value == null);
            request.put("sourceEpisode", episode);
        }
        if (form.get("attachment.title") != null && !form.get("attachment.title").isBlank()) {
            request.put("attachments", List.of(Map.of("title", form.get("attachment.title"),
                    "mediaType", form.getOrDefault("attachment.mediaType", "application/pdf"),
                    "documentRef", form.getOrDefault("attachment.documentRef", ""))));
        }
        if ("DOWN".equals(form.get("direction"))) {
            request.put("continuityPlan", continuityPlan(form));
            request.put("upReferralId", blankToNull(form.get("basedOn")));
        }
        request.values().removeIf(value -> value == null);
        return request;
    }

    /** Follow-ups typed one a line as "<days after> <purpose>"; medications one a line. */
    private static Map<String, Object> continuityPlan(Map<String, String> form) {
        List<Map<String, Object>> followUps = new ArrayList<>();
        for (String line : form.getOrDefault("continuityPlan.followUps", "").split("\\R")) {
            String[] parts = line.strip().split("\\s+", 2);
            if (!parts[0].isEmpty()) {
                Map<String, Object> followUp = new LinkedHashMap<>();
                followUp.put("afterDays", integerOrText(parts[0]));
                followUp.put("purpose", parts.length > 1 ? parts[1] : "");
                followUps.add(followUp);
            }
        }
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("followUps", followUps);
        List<String> medications = form.getOrDefault("continuityPlan.longPrescription.medications", "").lines()
                .map(String::strip).filter(line -> !line.isEmpty()).toList();
        if (!medications.isEmpty()) {
            plan.put("longPrescription", Map.of("medications", medications,
                    "days", integerOrText(form.getOrDefault("continuityPlan.longPrescription.days", ""))));
        }
        String familyDoctor = blankToNull(form.get("continuityPlan.handover.familyDoctorId"));
        if (familyDoctor != null) {
            Map<String, Object> handover = new LinkedHashMap<>();
            handover.put("familyDoctorId", familyDoctor);
            handover.put("note", blankToNull(form.get("continuityPlan.handover.note")));
            handover.values().removeIf(value -> value == null);
            plan.put("handover", handover);
        }
        return plan;
    }

    /** A number stays a number; anything else goes as typed, and the API names the field that is wrong. */
    private static Object integerOrText(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return text.strip();
        }
    }

    /** Yuan as typed ("200" or "200.50") to integer fen; not a number goes as typed for the API to name. */
    private static Object fen(String yuan) {
        if (yuan == null || yuan.isBlank()) {
            return 0;
        }
        try {
            return new java.math.BigDecimal(yuan.strip()).movePointRight(2).longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            return yuan.strip();
        }
    }

    private static String upper(String text) {
        return text == null ? null : text.strip().toUpperCase();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
