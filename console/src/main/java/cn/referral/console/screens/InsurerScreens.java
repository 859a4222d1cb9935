package cn.referral.console.screens;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;

import cn.referral.console.gateway.GatewayClient;
import cn.referral.console.signin.SignedIn;
import reactor.core.publisher.Mono;

/**
 * An insurer's screens: the day's deductible decisions (from billing's settlement export of that
 * day, amounts shown in yuan from integer fen), a decision looked up by referral with its rule and
 * seed basis, and the day's settlement CSV to download as billing wrote it.
 */
@Controller
class InsurerScreens {

    private final GatewayClient gateway;
    private final SignedIn signedIn;
    private final Clock clock;

    InsurerScreens(GatewayClient gateway, SignedIn signedIn, Clock clock) {
        this.gateway = gateway;
        this.signedIn = signedIn;
        this.clock = clock;
    }

    @GetMapping("/decisions")
    Mono<String> decisions(@RequestParam(name = "day", required = false) String day,
                           @RequestParam(name = "referralId", required = false) String referralId,
                           ServerWebExchange exchange, Model model) {
        LocalDate date = Screen.day(day, clock);
        model.addAttribute("day", date.toString());
        model.addAttribute("referralId", referralId);
        return Screen.credentials(signedIn, exchange).flatMap(credentials -> {
            Mono<List<Map<String, String>>> lines = gateway.text(credentials.token(), "/api/billing/settlement/{day}.csv",
                    date.toString()).map(InsurerScreens::rows);
            Mono<Object> looked = referralId == null || referralId.isBlank() ? Mono.just(List.of())
                    : gateway.get(credentials.token(), "/api/billing/decisions?referralId={id}", referralId.strip())
                    .map(GatewayClient::plain);
            return Mono.zip(lines, looked).map(both -> {
                model.addAttribute("lines", both.getT1());
                model.addAttribute("found", both.getT2());
                return "decisions";
            });
        });
    }

    @GetMapping("/settlement/{day}.csv")
    Mono<ResponseEntity<byte[]>> settlement(@PathVariable("day") String day, ServerWebExchange exchange) {
        LocalDate date = Screen.day(day, clock);
        return Screen.credentials(signedIn, exchange)
                .flatMap(credentials -> gateway.text(credentials.token(), "/api/billing/settlement/{day}.csv",
                        date.toString()))
                .map(csv -> ResponseEntity.ok()
                        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                                .filename("settlement-" + date + ".csv").build().toString())
                        .body(csv.getBytes(StandardCharsets.UTF_8)));
    }

    /** The export's rows by header name (RFC 4180: quoted fields may hold commas and doubled quotes). */
    static List<Map<String, String>> rows(String csv) {
        List<List<String>> records = csv.lines().filter(line -> !line.isBlank()).map(InsurerScreens::fields)
                .toList();
        List<Map<String, String>> rows = new ArrayList<>();
        if (records.isEmpty()) {
            return rows;
        }
        List<String> header = records.get(0);
        for (List<String> record : records.subList(1, records.size())) {
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size() && i < record.size(); i++) {
                row.put(header.get(i), record.get(i));
            }
            rows.add(row);
        }
        return rows;
    }

    private static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
