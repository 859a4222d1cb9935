package cn.referral.platform.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.validation.Errors;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.WebExceptionHandler;

import cn.referral.platform.events.TraceContext;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * Turns every error of a request into RFC 9457 {@code application/problem+json}: client mistakes
 * name the field at fault, server faults say only that something went wrong and give the trace
 * id to quote. No stack trace or exception class leaves the service.
 */
@Order(-2)
public class ProblemWebExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemWebExceptionHandler.class);

    private final ServerResponse.Context responseContext;
    private final ProblemMappings mappings;

    /** {@code mappings}: the service's own, asked before the {@link SharedProblems} of every service. */
    public ProblemWebExceptionHandler(ServerCodecConfigurer codecs, List<ProblemMapping> mappings) {
        this.mappings = new ProblemMappings(mappings);
        List<HttpMessageWriter<?>> writers = codecs.getWriters();
        this.responseContext = new ServerResponse.Context() {
            @Override
            public List<HttpMessageWriter<?>> messageWriters() {
                return writers;
            }

            @Override
            public List<ViewResolver> viewResolvers() {
                return List.of();
            }
        };
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        return Mono.deferContextual(context -> {
            // Exception handlers run outside the filter chain's Reactor context: the trace id comes
            // from the exchange attribute TraceWebFilter set, the context is only a fallback.
            String traceId = Optional.ofNullable(exchange.<String>getAttribute(TraceWebFilter.TRACE_ID_ATTRIBUTE))
                    .or(() -> context.<String>getOrEmpty(TraceContext.TRACE_ID))
                    .orElse(null);
            ProblemDetail problem = toProblem(error, traceId);
            // A relative reference: the service's own host and port mean nothing behind the gateway.
            problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
            if (traceId != null) {
                problem.setProperty("traceId", traceId);
            }
            return ServerResponse.status(problem.getStatus())
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .bodyValue(problem)
                    .flatMap(response -> response.writeTo(exchange, responseContext));
        });
    }

    ProblemDetail toProblem(Throwable error, String traceId) {
        ProblemException known = mappings.toProblem(error);
        if (known != null) {
            return known.toProblemDetail();
        }
        if (error instanceof WebExchangeBindException binding) {
            return invalid(fieldErrors(binding));
        }
        if (error instanceof HandlerMethodValidationException validation) {
            return invalid(parameterErrors(validation));
        }
        if (error instanceof ServerWebInputException input) {
            return malformed(input);
        }
        if (error instanceof ErrorResponse response) {
            ProblemDetail body = response.getBody();
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(response.getStatusCode(), body.getDetail());
            problem.setTitle(body.getTitle());
            problem.setType(typeFor(response.getStatusCode()));
            return problem;
        }
        log.error("Unhandled error (trace {})", traceId, error);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "The service could not complete the request. Quote the trace id when reporting it.");
        problem.setTitle("Internal error");
        problem.setType(ProblemTypes.INTERNAL);
        return problem;
    }

    private static ProblemDetail invalid(List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                        : errors.size() + " fields are invalid");
        problem.setTitle("Invalid request");
        problem.setType(ProblemTypes.VALIDATION);
        problem.setProperty("errors", errors);
        return problem;
    }

    /** The errors of a validated object (a request body), each named by its field. */
    private static List<FieldError> fieldErrors(Errors binding) {
        List<FieldError> errors = new ArrayList<>();
        binding.getFieldErrors().forEach(e -> errors.add(new FieldError(e.getField(), e.getDefaultMessage())));
        binding.getGlobalErrors().forEach(e -> errors.add(new FieldError(e.getObjectName(), e.getDefaultMessage())));
        return errors;
    }

    /**
     * The errors of a method whose parameters are validated together (a constrained path variable beside a
     * {@code @Valid} body): a parameter's errors named by the parameter, a body's by its fields, as when the body
     * alone is validated.
     */
    private static List<FieldError> parameterErrors(HandlerMethodValidationException validation) {
        List<FieldError> errors = new ArrayList<>();
        validation.getParameterValidationResults().forEach(result -> {
            if (result instanceof ParameterErrors body) {
                errors.addAll(fieldErrors(body));
            } else {
                result.getResolvableErrors().forEach(e -> errors.add(new FieldError(
                        parameterName(result.getMethodParameter()), e.getDefaultMessage())));
            }
        });
        return errors;
    }

    private static ProblemDetail malformed(ServerWebInputException input) {
        Optional<JacksonException> json = causeOfType(input, JacksonException.class);
        // A value that does not fit its field is the client's field error; broken JSON syntax
        // (StreamReadException) is not about any field, even when the parser knows where it was.
        Optional<DatabindException> mapping = causeOfType(input, DatabindException.class);
        if (mapping.isPresent() && !mapping.get().getPath().isEmpty()) {
            DatabindException e = mapping.get();
            return invalid(List.of(new FieldError(jsonPath(e), jsonMessage(e))));
        }
        Optional<TypeMismatchException> mismatch = causeOfType(input, TypeMismatchException.class);
        // A query, path or header parameter is named; the request body as a whole is not a field.
        org.springframework.core.MethodParameter parameter = input.getMethodParameter();
        boolean namedParameter = parameter != null && !parameter.hasParameterAnnotation(RequestBody.class);
        if (mismatch.isPresent() || namedParameter) {
            String field = namedParameter ? parameterName(parameter) : mismatch.get().getPropertyName();
            String message = mismatch.map(m -> "must be a valid " + simpleName(m.getRequiredType()))
                    .orElse(input.getReason());
            return invalid(List.of(new FieldError(field, message)));
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                json.isPresent() ? "The request body is not valid JSON" : input.getReason());
        problem.setTitle("Malformed request");
        problem.setType(ProblemTypes.MALFORMED_REQUEST);
        return problem;
    }

    private static String jsonPath(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /**
     * What is wrong with the value, in the API's words: never Jackson's message, which names the
     * service's internal classes ({@code Cannot deserialize value of type `cn.referral…`}).
     */
    static String jsonMessage(JacksonException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "unknown field (not accepted here)";
        }
        if (e instanceof ValueInstantiationException && e.getCause() != null && e.getCause().getMessage() != null) {
            String message = e.getCause().getMessage();
            return CLASS_NAME.matcher(message).find() ? "invalid value" : message;
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return expected(mismatch.getTargetType());
        }
        return "invalid value";
    }

    /** A qualified Java class name, as Jackson and the JDK write them into messages. */
    private static final java.util.regex.Pattern CLASS_NAME =
            java.util.regex.Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.){2,}[A-Z][A-Za-z0-9_$]*");

    private static String expected(Class<?> type) {
        if (type.isEnum()) {
            return "must be one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        if (type == java.time.LocalDate.class) {
            return "must be a date (yyyy-MM-dd)";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "must be a date and time (ISO 8601, e.g. 2026-11-25T08:00:00Z)";
        }
        if (Number.class.isAssignableFrom(type) || type == int.class || type == long.class || type == short.class
                || type == double.class || type == float.class || type == byte.class) {
            return "must be a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type == String.class || type == Character.class || type == char.class) {
            return "must be a string";
        }
        if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
            return "must be a list";
        }
        return "must be an object";
    }

    private static String parameterName(org.springframework.core.MethodParameter parameter) {
        RequestParam requestParam = parameter.getParameterAnnotation(RequestParam.class);
        if (requestParam != null && !requestParam.name().isEmpty()) {
            return requestParam.name();
        }
        PathVariable pathVariable = parameter.getParameterAnnotation(PathVariable.class);
        if (pathVariable != null && !pathVariable.name().isEmpty()) {
            return pathVariable.name();
        }
        RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
        if (header != null && !header.name().isEmpty()) {
            return header.name();
        }
        return parameter.getParameterName();
    }

    private static String simpleName(Class<?> type) {
        return type == null ? "value" : type.getSimpleName();
    }

    private static java.net.URI typeFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> ProblemTypes.MALFORMED_REQUEST;
            case 401 -> ProblemTypes.UNAUTHORIZED;
            case 403 -> ProblemTypes.FORBIDDEN;
            case 404 -> ProblemTypes.NOT_FOUND;
            case 405 -> ProblemTypes.METHOD_NOT_ALLOWED;
            case 409 -> ProblemTypes.CONFLICT;
            case 412 -> ProblemTypes.PRECONDITION_FAILED;
            case 415 -> ProblemTypes.UNSUPPORTED_MEDIA_TYPE;
            case 422 -> ProblemTypes.UNPROCESSABLE;
            case 429 -> ProblemTypes.TOO_MANY_REQUESTS;
            case 503 -> ProblemTypes.UNAVAILABLE;
            default -> status.is4xxClientError() ? ProblemTypes.MALFORMED_REQUEST : ProblemTypes.INTERNAL;
        };
    }

    private static <T extends Throwable> Optional<T> causeOfType(Throwable error, Class<T> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return Optional.of(type.cast(cause));
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return Optional.empty();
    }
}
