package cn.referral.billing.adapter.in.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import cn.referral.billing.application.port.in.DecisionQueries;
import cn.referral.platform.audit.DeclaredPurpose;
import cn.referral.platform.security.Caller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The daily reconciliation export for insurers (own region) and auditors (all regions); every export is audited. */
@RestController
class SettlementController {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final DecisionQueries decisions;

    SettlementController(DecisionQueries decisions) {
        this.decisions = decisions;
    }

    /** One line per decision issued or revoked on {@code date}, a day in China Standard Time. */
    @GetMapping(value = "/settlement/{date}.csv", produces = "text/csv")
    Mono<ResponseEntity<String>> day(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                                     Caller caller,
                                     @RequestHeader(name = DeclaredPurpose.HEADER, required = false) String purpose) {
        // collected before answering, so a refusal is a problem response and not a cut-off file
        return Flux.defer(() -> decisions.settlement(caller, date, DeclaredPurpose.recordedOrNull(purpose)))
                .collectList()
                .map(lines -> ResponseEntity.ok()
                        .contentType(CSV)
                        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                                .filename("settlement-" + date + ".csv").build().toString())
                        .body(SettlementCsv.render(lines)));
    }
}
