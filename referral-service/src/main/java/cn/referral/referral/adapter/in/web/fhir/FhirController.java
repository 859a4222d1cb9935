package cn.referral.referral.adapter.in.web.fhir;

import java.util.Date;
import java.util.Optional;
import java.util.function.Function;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;

import cn.referral.platform.application.NotFound;
import cn.referral.platform.audit.DeclaredPurpose;
import cn.referral.platform.domain.ReferralId;
import cn.referral.platform.security.Caller;
import cn.referral.platform.web.TraceWebFilter;
import cn.referral.referral.application.port.in.ReferralPage;
import cn.referral.referral.application.port.in.ReferralQueries;
import cn.referral.referral.application.port.in.ReferralSearch;
import cn.referral.referral.domain.referral.Referral;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

/**
 * The FHIR R4 read-only view ({@code /fhir}, through the gateway {@code /api/fhir}); docs/fhir.md
 * has the mapping. Each answer is {@code application/fhir+json}; each error an OperationOutcome
 * with the status the JSON API gives for the same error.
 */
@RestController
@RequestMapping("/fhir")
@Tag(name = "FHIR R4", description = "Read-only FHIR R4 view of referrals (application/fhir+json); see docs/fhir.md")
class FhirController {

    private static final String PURPOSE = DeclaredPurpose.HEADER;

    private final ReferralQueries queries;
    private final FhirResponses responses;

    FhirController(ReferralQueries queries, FhirResponses responses) {
        this.queries = queries;
        this.responses = responses;
    }

    @GetMapping("/metadata")
    @Operation(summary = "CapabilityStatement (FHIR 4.0.1) of exactly what is served")
    Mono<ResponseEntity<String>> metadata(ServerWebExchange exchange) {
        return answer(exchange, Mono.fromSupplier(() -> responses.ok(FhirCapability.statement(baseUrl(exchange)))));
    }

    @GetMapping("/ServiceRequest/{id}")
    @Operation(summary = "A referral as a ServiceRequest")
    Mono<ResponseEntity<String>> serviceRequest(@PathVariable String id,
                                                @RequestHeader(name = PURPOSE, required = false) String purpose,
                                                Caller caller, ServerWebExchange exchange) {
        return answer(exchange, referralAs("ServiceRequest", id, purpose, caller,
                referral -> Optional.of(FhirResources.serviceRequest(referral))));
    }

    @GetMapping("/ServiceRequest")
    @Operation(summary = "Search ServiceRequests: requester, performer, status, patient; paged with _count")
    Mono<ResponseEntity<String>> searchServiceRequests(@RequestHeader(name = PURPOSE, required = false) String purpose,
                                                       Caller caller, ServerWebExchange exchange) {
        return answer(exchange, search(exchange, "ServiceRequest", FhirSearchParameters::serviceRequests,
                FhirResources::serviceRequest, purpose, caller));
    }

    @GetMapping("/Task/{id}")
    @Operation(summary = "A referral's workflow as a Task")
    Mono<ResponseEntity<String>> task(@PathVariable String id,
                                      @RequestHeader(name = PURPOSE, required = false) String purpose,
                                      Caller caller, ServerWebExchange exchange) {
        return answer(exchange, referralAs("Task", id, purpose, caller,
                referral -> Optional.of(FhirResources.task(referral))));
    }

    @GetMapping("/Task")
    @Operation(summary = "Search Tasks: focus, owner, status; paged with _count")
    Mono<ResponseEntity<String>> searchTasks(@RequestHeader(name = PURPOSE, required = false) String purpose,
                                             Caller caller, ServerWebExchange exchange) {
        return answer(exchange, search(exchange, "Task", FhirSearchParameters::tasks, FhirResources::task, purpose,
                caller));
    }

    @GetMapping("/Appointment/{id}")
    @Operation(summary = "The slot held or booked for a referral, as an Appointment")
    Mono<ResponseEntity<String>> appointment(@PathVariable String id,
                                             @RequestHeader(name = PURPOSE, required = false) String purpose,
                                             Caller caller, ServerWebExchange exchange) {
        return answer(exchange, referralAs("Appointment", id, purpose, caller, FhirResources::appointment));
    }

    @GetMapping("/Patient/{id}")
    @Operation(summary = "A patient by pseudonym: the pseudonym and the identity number's last 4 characters only")
    Mono<ResponseEntity<String>> patient(@PathVariable String id,
                                         @RequestHeader(name = PURPOSE, required = false) String purpose,
                                         Caller caller, ServerWebExchange exchange) {
        return answer(exchange, validId("Patient", id)
                .flatMap(ref -> declared(purpose).flatMap(declared -> queries.patient(ref, declared.orElse(null), caller)))
                .map(patient -> responses.ok(FhirResources.patient(patient))));
    }

    @GetMapping("/Organization/{id}")
    @Operation(summary = "An institution (level, alliance) or an alliance, from the local registry view")
    Mono<ResponseEntity<String>> organization(@PathVariable String id, ServerWebExchange exchange) {
        return answer(exchange, validId("Organization", id)
                .flatMap(queries::organization)
                .map(organization -> responses.ok(FhirResources.organization(organization)))
                .switchIfEmpty(Mono.error(() -> new NotFound("Organization", id))));
    }

    /** Anything else under /fhir: a type (or operation) this view does not serve (not an API of its own). */
    @GetMapping({"/{type}", "/{type}/{id}"})
    @Hidden
    Mono<ResponseEntity<String>> notServed(@PathVariable String type, ServerWebExchange exchange) {
        return answer(exchange, Mono.fromSupplier(() -> responses.outcome(HttpStatus.NOT_FOUND, IssueType.NOTSUPPORTED,
                "This view serves " + String.join(", ", FhirCapability.resourceTypes()) + " (see /metadata), not "
                        + type, null)));
    }

    // ---- plumbing

    /**
     * A read of one referral seen as a resource of {@code type}, tagged with the referral's version; not
     * found (also when the referral has no such resource, e.g. no slot yet) under the FHIR type and id.
     */
    private Mono<ResponseEntity<String>> referralAs(String type, String id, String purpose, Caller caller,
                                                    Function<Referral, Optional<? extends Resource>> view) {
        return validId(type, id)
                .flatMap(valid -> declared(purpose)
                        .flatMap(declared -> queries.read(new ReferralId(valid), declared.orElse(null), caller)))
                .onErrorMap(NotFound.class, missing -> new NotFound(type, id))
                .flatMap(referral -> Mono.justOrEmpty(view.apply(referral))
                        .map(resource -> responses.ok(resource, version(referral))))
                .switchIfEmpty(Mono.error(() -> new NotFound(type, id)));
    }

    /**
     * The purpose the reader declared, checked as the JSON API checks it: a code of docs/audit.md and a short note,
     * else a 400 naming the header; empty when none was declared (the read then records the role's usual purpose).
     */
    private static Mono<Optional<String>> declared(String header) {
        return Mono.fromCallable(() -> Optional.ofNullable(DeclaredPurpose.recordedOrNull(header)));
    }

    private static Mono<String> validId(String type, String id) {
        return FhirSearchParameters.ID.matcher(id).matches() ? Mono.just(id)
                : Mono.error(new NotFound(type, "(not a FHIR id)"));
    }

    private Mono<ResponseEntity<String>> search(ServerWebExchange exchange, String type,
                                                Function<MultiValueMap<String, String>, ReferralSearch> parse,
                                                Function<Referral, Resource> map, String purpose, Caller caller) {
        MultiValueMap<String, String> query = exchange.getRequest().getQueryParams();
        return Mono.fromSupplier(() -> parse.apply(query))
                .flatMap(search -> declared(purpose)
                        .flatMap(declared -> queries.search(search, declared.orElse(null), caller)))
                .map(page -> responses.ok(bundle(baseUrl(exchange), type, query, page, map)));
    }

    private static Bundle bundle(String base, String type, MultiValueMap<String, String> query, ReferralPage page,
                                 Function<Referral, Resource> map) {
        Bundle bundle = new Bundle();
        bundle.setType(Bundle.BundleType.SEARCHSET);
        bundle.setTotal((int) Math.min(page.total(), Integer.MAX_VALUE));
        bundle.getMeta().setLastUpdated(new Date());
        bundle.addLink().setRelation("self").setUrl(pageUrl(base, type, query, page.offset(), page.count()));
        if (page.hasNext()) {
            bundle.addLink().setRelation("next")
                    .setUrl(pageUrl(base, type, query, page.offset() + page.count(), page.count()));
        }
        if (page.offset() > 0) {
            bundle.addLink().setRelation("previous")
                    .setUrl(pageUrl(base, type, query, Math.max(0, page.offset() - page.count()), page.count()));
        }
        for (Referral referral : page.items()) {
            Resource resource = map.apply(referral);
            bundle.addEntry().setFullUrl(base + "/" + type + "/" + referral.id().value()).setResource(resource)
                    .getSearch().setMode(Bundle.SearchEntryMode.MATCH);
        }
        return bundle;
    }

    private static String pageUrl(String base, String type, MultiValueMap<String, String> query, int offset,
                                  int count) {
        MultiValueMap<String, String> params = new LinkedMultiValueMap<>(query);
        params.remove("_offset");
        params.remove("_count");
        params.add("_count", String.valueOf(count));
        if (offset > 0) {
            params.add("_offset", String.valueOf(offset));
        }
        return UriComponentsBuilder.fromUriString(base + "/" + type).queryParams(params).encode().build().toUriString();
    }

    /**
     * The view's base as the client addressed it: behind the gateway {@code http://host/api/fhir}
     * (the gateway keeps the client's Host and sends its path prefix as {@code X-Api-Prefix});
     * called directly, the service's own address. A TLS proxy's X-Forwarded-Proto/Host are honoured.
     */
    static String baseUrl(ServerWebExchange exchange) {
        ServerHttpRequest request = exchange.getRequest();
        String proto = first(request.getHeaders().getFirst("X-Forwarded-Proto"));
        String host = first(request.getHeaders().getFirst("X-Forwarded-Host"));
        String prefix = first(request.getHeaders().getFirst("X-Api-Prefix"));
        if (prefix == null) {
            prefix = first(request.getHeaders().getFirst("X-Forwarded-Prefix"));
        }
        String scheme = proto != null ? proto : request.getURI().getScheme();
        String authority = host != null ? host : request.getURI().getRawAuthority();
        return scheme + "://" + authority + (prefix == null ? "" : prefix.replaceAll("/+$", "")) + "/fhir";
    }

    private static String first(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.split(",")[0].strip();
        return value.matches("[A-Za-z0-9.:\\-\\[\\]/_]+") ? value : null;
    }

    private static String version(Referral referral) {
        return String.valueOf(referral.version());
    }

    private Mono<ResponseEntity<String>> answer(ServerWebExchange exchange, Mono<ResponseEntity<String>> answer) {
        return answer.onErrorResume(error -> Mono.just(responses.error(error,
                exchange.getAttribute(TraceWebFilter.TRACE_ID_ATTRIBUTE))));
    }
}
