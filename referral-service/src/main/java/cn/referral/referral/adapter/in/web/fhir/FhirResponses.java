package cn.referral.referral.adapter.in.web.fhir;

import java.util.List;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import cn.referral.platform.web.FieldError;
import cn.referral.platform.web.ProblemException;
import cn.referral.platform.web.ProblemMapping;
import cn.referral.platform.web.ProblemMappings;

/**
 * Writes FHIR resources as {@code application/fhir+json} with HAPI's own parser (CPU only once HAPI has
 * scanned its model, which happens here at startup, so fine on the event loop), and every error of the FHIR
 * view as an OperationOutcome. The status of
 * an error is the one the JSON API gives for it: the service's {@link ProblemMapping}s and the platform's shared
 * ones decide ({@link ProblemMappings}, as for problem+json).
 */
@Component
class FhirResponses {

    static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json;charset=UTF-8");
    private static final Logger log = LoggerFactory.getLogger(FhirResponses.class);

    private final FhirContext context = FhirContext.forR4Cached();
    private final ProblemMappings mappings;

    FhirResponses(List<ProblemMapping> mappings) {
        this.mappings = new ProblemMappings(mappings);
        // HAPI scans its R4 model (a properties file in its jar, then every model class) the first time a context
        // is used: now, at startup, not on the event loop of the first FHIR request (BlockHound caught it there)
        context.getResourceDefinition(OperationOutcome.class);
    }

    FhirContext context() {
        return context;
    }

    ResponseEntity<String> ok(IBaseResource resource) {
        return ResponseEntity.ok().contentType(FHIR_JSON).body(parser().encodeResourceToString(resource));
    }

    ResponseEntity<String> ok(IBaseResource resource, String etagVersion) {
        return ResponseEntity.ok().contentType(FHIR_JSON).eTag("W/\"" + etagVersion + "\"")
                .body(parser().encodeResourceToString(resource));
    }

    ResponseEntity<String> error(Throwable error, String traceId) {
        if (error instanceof FhirBadRequest bad) {
            return outcome(HttpStatus.BAD_REQUEST, IssueType.INVALID, bad.getMessage(), bad.parameter());
        }
        ProblemException problem = mappings.toProblem(error);
        if (problem != null) {
            HttpStatus status = problem.status();
            ProblemDetail detail = problem.toProblemDetail();
            return outcome(status, issueType(status), detail.getDetail(), fieldAtFault(detail));
        }
        if (error instanceof ResponseStatusException response) {
            HttpStatusCode code = response.getStatusCode();
            HttpStatus status = HttpStatus.resolve(code.value());
            return outcome(status == null ? HttpStatus.BAD_REQUEST : status, issueType(status), response.getReason(),
                    null);
        }
        log.error("Unhandled error in the FHIR view (trace {})", traceId, error);
        return outcome(HttpStatus.INTERNAL_SERVER_ERROR, IssueType.EXCEPTION,
                "The service could not complete the request. Quote the trace id " + traceId + " when reporting it.",
                null);
    }

    /** The one field or header a problem names in its {@code errors}, as the issue's expression; else null. */
    private static String fieldAtFault(ProblemDetail problem) {
        Object errors = problem.getProperties() == null ? null : problem.getProperties().get("errors");
        return errors instanceof List<?> list && list.size() == 1 && list.get(0) instanceof FieldError error
                ? error.field() : null;
    }

    ResponseEntity<String> outcome(HttpStatus status, IssueType type, String diagnostics, String parameter) {
        OperationOutcome outcome = new OperationOutcome();
        OperationOutcome.OperationOutcomeIssueComponent issue = outcome.addIssue()
                .setSeverity(status.is5xxServerError() ? OperationOutcome.IssueSeverity.FATAL
                        : OperationOutcome.IssueSeverity.ERROR)
                .setCode(type)
                .setDiagnostics(diagnostics);
        if (parameter != null) {
            issue.addExpression(parameter);
        }
        return ResponseEntity.status(status).contentType(FHIR_JSON)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(parser().encodeResourceToString(outcome));
    }

    private static IssueType issueType(HttpStatus status) {
        if (status == null) {
            return IssueType.INVALID;
        }
        return switch (status) {
            case NOT_FOUND -> IssueType.NOTFOUND;
            case FORBIDDEN -> IssueType.FORBIDDEN;
            case UNAUTHORIZED -> IssueType.LOGIN;
            case CONFLICT, PRECONDITION_FAILED -> IssueType.CONFLICT;
            case UNPROCESSABLE_CONTENT -> IssueType.BUSINESSRULE;
            default -> status.is5xxServerError() ? IssueType.EXCEPTION : IssueType.INVALID;
        };
    }

    private IParser parser() {
        return context.newJsonParser();
    }
}
