package cn.referral.platform.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * An error the client can act on, answered as {@code application/problem+json}. Adapters map
 * domain errors to it; nothing else reaches a client.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final URI type;
    private final String title;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    public ProblemException(HttpStatus status, URI type, String title, String detail) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
    }

    public static ProblemException notFound(String what, String id) {
        return new ProblemException(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, what + " not found",
                "No " + what.toLowerCase() + " with id " + id);
    }

    /** 403: the caller may not do this; {@code detail} says what their role or institution may not do. */
    public static ProblemException forbidden(String detail) {
        return new ProblemException(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "Forbidden", detail);
    }

    public static ProblemException invalidField(String field, String message) {
        return new ProblemException(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION, "Invalid request",
                field + ": " + message).with("errors", List.of(new FieldError(field, message)));
    }

    public static ProblemException conflict(String title, String detail) {
        return new ProblemException(HttpStatus.CONFLICT, ProblemTypes.CONFLICT, title, detail);
    }

    public static ProblemException unprocessable(URI type, String title, String detail) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, type, title, detail);
    }

    /** Adds a problem member, e.g. the current state and the allowed actions. */
    public ProblemException with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    public HttpStatus status() {
        return status;
    }

    public ProblemDetail toProblemDetail() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, getMessage());
        problem.setType(type);
        problem.setTitle(title);
        properties.forEach(problem::setProperty);
        return problem;
    }
}
