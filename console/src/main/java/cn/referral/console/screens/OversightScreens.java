package cn.referral.console.screens;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;

import cn.referral.console.gateway.GatewayClient;
import cn.referral.console.signin.SignedIn;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Charts and the audit trail: KPIs for admins and auditors (two-way ratio trend, top diagnoses referred
 * out of the county), the reserve occupancy of a desk's institution per department
 * (reserved / held / waitlist), and the audit records of a referral. Chart options are built here
 * and handed to ECharts as JSON in a data attribute (no inline script: the CSP forbids it).
 */
@Controller
class OversightScreens {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int WEEKS = 8;

    private final GatewayClient gateway;
    private final SignedIn signedIn;
    private final Institutions institutions;
    private final MessageSource messages;
    private final Clock clock;

    OversightScreens(GatewayClient gateway, SignedIn signedIn, Institutions institutions, MessageSource messages,
                     Clock clock) {
        this.gateway = gateway;
        this.signedIn = signedIn;
        this.institutions = institutions;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/kpis")
    Mono<String> kpis(ServerWebExchange exchange, Model model, Locale locale) {
        LocalDate today = LocalDate.now(clock);
        return Screen.credentials(signedIn, exchange).flatMap(credentials -> Flux.range(0, WEEKS)
                .map(back -> today.minusWeeks(WEEKS - 1 - back))
                .concatMap(end -> gateway.get(credentials.token(), "/api/kpis?from={from}&to={to}",
                        end.minusDays(6), end).map(report -> Map.entry(end, report)))
                .collectList()
                .map(weeks -> {
                    JsonNode latest = weeks.get(weeks.size() - 1).getValue();
                    model.addAttribute("latest", GatewayClient.plain(latest));
                    model.addAttribute("trendChart", JSON.writeValueAsString(trend(weeks, locale)));
                    model.addAttribute("diseaseChart", JSON.writeValueAsString(diseases(latest, locale)));
                    return "kpis";
                }));
    }

    @GetMapping("/reserve")
    Mono<String> reserve(@RequestParam(name = "day", required = false) String day, ServerWebExchange exchange,
                         Model model, Locale locale) {
        LocalDate date = Screen.day(day, clock);
        model.addAttribute("day", date.toString());
        return Screen.credentials(signedIn, exchange).flatMap(credentials -> gateway.get(credentials.token(),
                        "/api/quota/pools?institutionId={id}&date={day}", credentials.user().institutionId(), date)
                .map(pools -> {
                    model.addAttribute("pools", GatewayClient.plain(pools));
                    model.addAttribute("reserveChart", JSON.writeValueAsString(occupancy(pools, locale)));
                    return "reserve";
                }));
    }

    @GetMapping("/audit")
    Mono<String> audit(@RequestParam(name = "referralId", required = false) String referralId,
                       ServerWebExchange exchange, Model model) {
        model.addAttribute("referralId", referralId);
        if (referralId == null || referralId.isBlank()) {
            model.addAttribute("records", List.of());
            return Mono.just("audit");
        }
        return Screen.credentials(signedIn, exchange).flatMap(credentials -> gateway.get(credentials.token(),
                        "/api/audit?referralId={id}", referralId.strip())
                .flatMap(records -> {
                    List<AuditLine> lines = new ArrayList<>();
                    (records.isArray() ? records : records.path("records")).forEach(record -> lines.add(
                            AuditLine.of(record)));
                    return institutions.names(credentials.token(), lines.stream().map(AuditLine::institutionId)
                            .toList()).map(names -> {
                                model.addAttribute("records", lines);
                                model.addAttribute("names", names);
                                return "audit";
                            });
                }));
    }

    private Map<String, Object> trend(List<Map.Entry<LocalDate, JsonNode>> weeks, Locale locale) {
        List<String> labels = new ArrayList<>();
        List<Object> ratio = new ArrayList<>();
        List<Long> up = new ArrayList<>();
        List<Long> down = new ArrayList<>();
        for (Map.Entry<LocalDate, JsonNode> week : weeks) {
            labels.add(week.getKey().toString().substring(5));
            JsonNode report = week.getValue();
            JsonNode twoWay = report.path("twoWayReferral").path("downToUpRatio");
            ratio.add(twoWay.isNumber() ? twoWay.asDouble() : null);
            up.add(report.path("upCount").asLong(0));
            down.add(report.path("downCount").asLong(0));
        }
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of("top", 0));
        option.put("grid", Map.of("left", 40, "right", 40, "bottom", 30, "top", 40));
        option.put("xAxis", Map.of("type", "category", "data", labels));
        option.put("yAxis", List.of(Map.of("type", "value", "minInterval", 1),
                Map.of("type", "value", "position", "right")));
        option.put("series", List.of(
                series(text("kpi.upCount", locale), "bar", up, 0),
                series(text("kpi.downCount", locale), "bar", down, 0),
                series(text("kpi.ratio", locale), "line", ratio, 1)));
        return option;
    }

    private Map<String, Object> diseases(JsonNode latest, Locale locale) {
        List<String> codes = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        latest.path("topOutOfCountyDiagnoses").forEach(item -> {
            codes.add(item.path("diagnosisCategory").asString());
            counts.add(item.path("referrals").asLong(0));
        });
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("grid", Map.of("left", 60, "right", 20, "bottom", 30, "top", 20));
        option.put("xAxis", Map.of("type", "value", "minInterval", 1));
        option.put("yAxis", Map.of("type", "category", "data", codes));
        option.put("series", List.of(series(text("kpi.topDiseases", locale), "bar", counts, 0)));
        return option;
    }

    private Map<String, Object> occupancy(JsonNode pools, Locale locale) {
        List<String> labels = new ArrayList<>();
        List<Long> free = new ArrayList<>();
        List<Long> held = new ArrayList<>();
        List<Long> waitlist = new ArrayList<>();
        for (JsonNode pool : pools) {
            labels.add(pool.path("department").asString() + " · "
                    + text("resource." + pool.path("resource").asString(), locale) + " · "
                    + text("session." + pool.path("session").asString(), locale));
            held.add(pool.path("held").asLong(0) + pool.path("confirmed").asLong(0));
            free.add(pool.path("freeReserve").asLong(0));
            waitlist.add(pool.path("waitlistLength").asLong(0));
        }
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of("top", 0));
        option.put("grid", Map.of("left", 10, "right", 20, "bottom", 20, "top", 40, "containLabel", true));
        option.put("xAxis", Map.of("type", "value", "minInterval", 1));
        option.put("yAxis", Map.of("type", "category", "data", labels));
        option.put("series", List.of(
                stacked(text("reserve.held", locale), held),
                stacked(text("reserve.free", locale), free),
                series(text("reserve.waitlist", locale), "bar", waitlist, 0)));
        return option;
    }

    private static Map<String, Object> series(String name, String type, List<?> data, int axis) {
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("name", name);
        series.put("type", type);
        series.put("data", data);
        if (axis > 0) {
            series.put("yAxisIndex", axis);
        }
        return series;
    }

    private static Map<String, Object> stacked(String name, List<?> data) {
        Map<String, Object> series = series(name, "bar", data, 0);
        series.put("stack", "reserve");
        return series;
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
