package cn.referral.systemtests.support;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import cn.referral.systemtests.support.AccessMatrix.Caller;
import cn.referral.systemtests.support.AccessMatrix.Row;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a client gets wrong, sent to every endpoint of an {@link AccessMatrix}'s rows as a caller the row lets in, so
 * that the endpoint's own checks are reached: broken, mistyped and oversized bodies, impossible dates, the wrong
 * {@code Content-Type}, ids that do not exist or cannot be ids, impossible query values, a malformed or stale
 * {@code If-Match}. Every answer must be the client error that fits (never a 5xx, never a success), as problem+json
 * with {@code type}, {@code title} and {@code status} (the FHIR view: an {@code OperationOutcome}), without a Java
 * class name or a stack frame, and a 400 or 422 caused by one body field or query parameter names it in
 * {@code errors[].field}.
 * <p>
 * Which path segments and query parameters are parameters, and of what type, comes from each service's OpenAPI
 * document as the gateway serves it ({@code /api-docs/<service>}); the documented operations that the gateway routes
 * but no row reaches are reported by {@link #operationsWithoutRow()}. Each endpoint is probed once, through its first
 * row; a change that may succeed acts on new objects of its own, as in the access matrix.
 */
public final class BadInputMatrix {

    /** A string far beyond any field's limit. */
    private static final String HUGE = "x".repeat(100_000);
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T.*");
    /** A qualified Java class name ({@code cn.referral.x.Y}, {@code java.lang.IllegalStateException}). */
    private static final Pattern CLASS_NAME = Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.){2,}[A-Z][A-Za-z0-9_$]*");
    private static final List<String> STACK_TRACE_MARKS = List.of("at cn.", "Exception", ".java:");
    private static final Set<Integer> INVALID = Set.of(400, 422);
    /**
     * Each service (as named in the gateway's {@code /api-docs/<service>}): the gateway paths routed to it, each with
     * the prefix the route strips (gateway application.yaml).
     */
    private static final Map<String, Map<String, String>> ROUTES = Map.of(
            "registry", Map.of("/api/registry", "/api/registry"),
            "referral", Map.of("/api/referrals", "/api", "/api/worklists", "/api", "/api/audit", "/api",
                    "/api/kpis", "/api", "/api/fhir", "/api"),
            "quota", Map.of("/api/quota", "/api/quota"),
            "billing", Map.of("/api/billing", "/api/billing"));

    /** One documented operation of a service: its path template as a pattern and its parameters. */
    private record Operation(String service, String method, String template, Pattern pattern, List<String> pathNames,
                             JsonNode parameters) {

        String label() {
            return service + " " + method + " " + template;
        }
    }

    /** One bad request: what is wrong with it, the statuses that fit, and the field its answer must name. */
    public record Probe(String what, String path, String contentType, String body, String ifMatch, Set<Integer> fits,
                        String field) {
    }

    /** What one endpoint answered to one probe, with what is wrong with the answer (empty when it holds). */
    public record Answer(String endpoint, Caller caller, Probe probe, int status, String body, List<String> faults) {

        public boolean holds() {
            return faults.isEmpty();
        }
    }

    private final AccessMatrix matrix;
    private final List<Operation> operations = new ArrayList<>();
    private final Set<Operation> reached = new LinkedHashSet<>();
    private final Set<String> withoutProbes = ConcurrentHashMap.newKeySet();

    /** {@code docsReader}: a caller that reads the services' OpenAPI documents through the gateway. */
    public BadInputMatrix(AccessMatrix matrix, Api docsReader) {
        this.matrix = matrix;
        for (String service : ROUTES.keySet()) {
            JsonNode paths = docsReader.get("/api-docs/" + service).expect(200).get("paths");
            for (Map.Entry<String, JsonNode> path : paths.properties()) {
                for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                    operations.add(operation(service, operation.getKey().toUpperCase(), path.getKey(),
                            operation.getValue().path("parameters")));
                }
            }
        }
    }

    private static Operation operation(String service, String method, String template, JsonNode parameters) {
        List<String> names = new ArrayList<>();
        Matcher parameter = Pattern.compile("\\{([^}]+)}").matcher(template);
        StringBuilder regex = new StringBuilder();
        int last = 0;
        while (parameter.find()) {
            regex.append(Pattern.quote(template.substring(last, parameter.start()))).append("([^/?]+?)");
            names.add(parameter.group(1));
            last = parameter.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        return new Operation(service, method, template, Pattern.compile(regex.toString()), names, parameters);
    }

    /** Every probe of every endpoint the rows reach, sent in parallel; rows whose endpoint was probed are skipped. */
    public List<Answer> run(List<Row> rows) {
        Map<Operation, Row> firstRows = new LinkedHashMap<>();
        for (Row row : rows) {
            Operation operation = operationOf(row.method(), row.path());
            if (operation != null && matrix.firstCallerLetIn(row) != null) {
                firstRows.putIfAbsent(operation, row);
            }
        }
        reached.addAll(firstRows.keySet());
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<List<Answer>>> endpoints = new ArrayList<>();
            firstRows.forEach((operation, row) -> endpoints.add(pool.submit(() -> probe(operation, row))));
            List<Answer> answers = new ArrayList<>();
            for (Future<List<Answer>> endpoint : endpoints) {
                answers.addAll(endpoint.get());
            }
            return answers;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** The documented operations the gateway routes that no row reached, as "service METHOD template". */
    public List<String> operationsWithoutRow() {
        return operations.stream().filter(operation -> !reached.contains(operation))
                .filter(operation -> gatewayPrefix(operation) != null).map(Operation::label).toList();
    }

    /**
     * The endpoints reached with nothing to probe: no body, path parameter, If-Match or typed or bounded query
     * parameter.
     */
    public Set<String> endpointsWithoutProbes() {
        return Set.copyOf(withoutProbes);
    }

    /** The documented operations the gateway does not route (nothing a client can send them). */
    public List<String> operationsNotRouted() {
        return operations.stream().filter(operation -> gatewayPrefix(operation) == null).map(Operation::label)
                .toList();
    }

    /** The operation a gateway path names; of two that match, the one with fewer path parameters. */
    private Operation operationOf(String method, String gatewayPath) {
        String path = gatewayPath.split("\\?", 2)[0];
        Operation found = null;
        for (Operation operation : operations) {
            String prefix = gatewayPrefix(operation);
            if (operation.method().equals(method) && prefix != null && path.startsWith(prefix)
                    && operation.pattern().matcher(path.substring(prefix.length())).matches()
                    && (found == null || operation.pathNames().size() < found.pathNames().size())) {
                found = operation;
            }
        }
        return found;
    }

    /** The prefix the gateway puts before the operation's path, or null when it does not route it. */
    private static String gatewayPrefix(Operation operation) {
        for (Map.Entry<String, String> route : ROUTES.get(operation.service()).entrySet()) {
            if ((route.getValue() + operation.template()).startsWith(route.getKey())) {
                return route.getValue();
            }
        }
        return null;
    }

    private List<Answer> probe(Operation operation, Row row) {
        Map.Entry<Caller, Integer> letIn = matrix.firstCallerLetIn(row);
        AccessMatrix.Request request = matrix.request(row, row.changesState() && letIn.getValue() / 100 == 2);
        List<Probe> probes = new ArrayList<>();
        probes.addAll(pathProbes(operation, request));
        probes.addAll(queryProbes(operation, request));
        if (request.body() != null) {
            probes.addAll(bodyProbes(request));
        }
        if (request.ifMatch() != null) {
            probes.add(new Probe("If-Match: garbage", request.path(), contentTypeOf(request), request.body(),
                    "garbage", Set.of(400), null));
            probes.add(new Probe("If-Match: \"999\"", request.path(), contentTypeOf(request), request.body(),
                    "\"999\"", Set.of(412), null));
        }
        String endpoint = row.method() + " " + gatewayPrefix(operation) + operation.template();
        if (probes.isEmpty()) {
            withoutProbes.add(endpoint);
        }
        List<Answer> answers = new ArrayList<>();
        for (Probe probe : probes) {
            Api.Response response = sendPastTheRateLimit(letIn.getKey().api(), row.method(), probe);
            answers.add(new Answer(endpoint, letIn.getKey(), probe, response.status(), response.raw().body(),
                    faults(probe, response, request.path().startsWith("/api/fhir/"))));
        }
        return answers;
    }

    private static String contentTypeOf(AccessMatrix.Request request) {
        return request.body() == null ? null : "application/json";
    }

    /** The gateway's rate limit (per caller) is not the endpoint's answer: wait for it and ask again. */
    private static Api.Response sendPastTheRateLimit(Api api, String method, Probe probe) {
        for (int attempt = 0; ; attempt++) {
            Api.Response response = api.send(method, probe.path(), probe.contentType(), probe.body(), probe.ifMatch());
            if (response.status() != 429 || attempt == 30) {
                return response;
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    // ---- probes -----------------------------------------------------------------------------------------

    private static List<Probe> pathProbes(Operation operation, AccessMatrix.Request request) {
        String prefix = gatewayPrefix(operation);
        String[] pathAndQuery = request.path().split("\\?", 2);
        String query = pathAndQuery.length == 2 ? "?" + pathAndQuery[1] : "";
        Matcher matcher = operation.pattern().matcher(pathAndQuery[0].substring(prefix.length()));
        if (!matcher.matches()) {
            throw new IllegalStateException(request.path() + " does not match " + operation.label());
        }
        List<Probe> probes = new ArrayList<>();
        for (int group = 1; group <= matcher.groupCount(); group++) {
            String name = operation.pathNames().get(group - 1);
            JsonNode schema = parameter(operation, name, "path").path("schema");
            String before = pathAndQuery[0].substring(0, prefix.length() + matcher.start(group));
            String after = pathAndQuery[0].substring(prefix.length() + matcher.end(group)) + query;
            String value = matcher.group(group);
            if (schema.path("type").asString("").equals("integer")) {
                probes.add(probe("path " + name + " not a number", before + "abc" + after, request, Set.of(400),
                        name));
            } else if (schema.path("format").asString("").equals("date")) {
                probes.add(probe("path " + name + " 2026-13-01", before + "2026-13-01" + after, request,
                        Set.of(400, 404), name));
            } else {
                // 404, or 400 naming the parameter where the value cannot be one (a region code is six digits)
                probes.add(probe("path " + name + " does not exist", before + "no-such-" + name + after, request,
                        Set.of(400, 404), name));
                probes.add(probe("path " + name + " with %00", before + value + "%00" + after, request,
                        Set.of(400, 404), null));
                probes.add(probe("path " + name + " with ..%2F", before + "..%2F" + value + after, request,
                        Set.of(400, 404), null));
                probes.add(probe("path " + name + " of 2,000 characters", before + "x".repeat(2000) + after, request,
                        Set.of(400, 404, 414), null));
            }
        }
        return probes;
    }

    private static List<Probe> queryProbes(Operation operation, AccessMatrix.Request request) {
        List<Probe> probes = new ArrayList<>();
        for (JsonNode parameter : operation.parameters()) {
            if (!parameter.path("in").asString("").equals("query")) {
                continue;
            }
            String name = parameter.path("name").asString();
            JsonNode schema = parameter.path("schema");
            JsonNode values = schema.path("type").asString("").equals("array") ? schema.path("items") : schema;
            List<String> wrong = new ArrayList<>();
            switch (values.path("type").asString("")) {
                case "integer" -> {
                    wrong.add("abc");
                    if (name.equals("page") || schema.has("minimum")) {
                        wrong.add("-1");
                    }
                    if (name.equals("size") || name.equals("limit")) {
                        wrong.add("100000");
                    }
                }
                case "boolean" -> wrong.add("maybe");
                case "string" -> {
                    if (values.path("format").asString("").equals("date")) {
                        wrong.add("2026-13-01");
                    } else if (values.has("enum")) {
                        wrong.add("NO_SUCH_VALUE");
                    } else if (values.has("maxLength")) {
                        wrong.add("x".repeat(values.path("maxLength").asInt() + 1));
                    } else if (values.has("pattern")) {
                        wrong.add("not-matching");
                    }
                }
                default -> {
                }
            }
            for (String value : wrong) {
                probes.add(probe("query " + name + "=" + abbreviated(value, 12),
                        withQueryParameter(request.path(), name, value), request, INVALID, name));
            }
        }
        return probes;
    }

    private static String withQueryParameter(String path, String name, String value) {
        String[] pathAndQuery = path.split("\\?", 2);
        List<String> parameters = new ArrayList<>();
        if (pathAndQuery.length == 2) {
            for (String parameter : pathAndQuery[1].split("&")) {
                if (!parameter.startsWith(name + "=")) {
                    parameters.add(parameter);
                }
            }
        }
        parameters.add(name + "=" + value);
        return pathAndQuery[0] + "?" + String.join("&", parameters);
    }

    private static List<Probe> bodyProbes(AccessMatrix.Request request) {
        String path = request.path();
        String ifMatch = request.ifMatch();
        List<Probe> probes = new ArrayList<>();
        probes.add(new Probe("body malformed JSON", path, "application/json", "{\"a\":", ifMatch, INVALID, null));
        probes.add(new Probe("body empty", path, "application/json", "", ifMatch, INVALID, null));
        probes.add(new Probe("body []", path, "application/json", "[]", ifMatch, INVALID, null));
        probes.add(new Probe("body \"x\"", path, "application/json", "\"x\"", ifMatch, INVALID, null));
        probes.add(new Probe("body {}", path, "application/json", "{}", ifMatch, INVALID, null));
        probes.add(new Probe("body as text/plain", path, "text/plain", request.body(), ifMatch, Set.of(415), null));
        ObjectNode valid = (ObjectNode) Api.JSON.readTree(request.body());
        probes.add(new Probe("body unknown field", path, "application/json",
                with(valid, "unknownField", Api.JSON.getNodeFactory().numberNode(1)), ifMatch, INVALID,
                "unknownField"));
        for (Map.Entry<String, JsonNode> field : valid.properties()) {
            String name = field.getKey();
            JsonNode value = field.getValue();
            JsonNode wrong = value.isString() ? Api.JSON.getNodeFactory().numberNode(12345)
                    : value.isArray() ? Api.JSON.createObjectNode()
                    : Api.JSON.getNodeFactory().stringNode("x");
            probes.add(new Probe(name + " as " + (value.isString() ? "number" : value.isArray() ? "object" : "string"),
                    path, "application/json", with(valid, name, wrong), ifMatch, INVALID, name));
            if (value.isString()) {
                probes.add(new Probe(name + " of 100,000 characters", path, "application/json",
                        with(valid, name, Api.JSON.getNodeFactory().stringNode(HUGE)), ifMatch, Set.of(400, 413, 422),
                        name));
                String text = value.asString();
                if (DATE.matcher(text).matches() || DATE_TIME.matcher(text).matches()) {
                    String impossible = DATE.matcher(text).matches() ? "2026-02-30" : "2026-02-30T08:00:00Z";
                    probes.add(new Probe(name + " " + impossible, path, "application/json",
                            with(valid, name, Api.JSON.getNodeFactory().stringNode(impossible)), ifMatch, INVALID,
                            name));
                    probes.add(new Probe(name + " yesterday", path, "application/json",
                            with(valid, name, Api.JSON.getNodeFactory().stringNode("yesterday")), ifMatch, INVALID,
                            name));
                }
            }
        }
        return probes;
    }

    private static String with(ObjectNode valid, String name, JsonNode value) {
        ObjectNode changed = valid.deepCopy();
        changed.set(name, value);
        return changed.toString();
    }

    private static Probe probe(String what, String path, AccessMatrix.Request request, Set<Integer> fits,
                               String field) {
        return new Probe(what, path, contentTypeOf(request), request.body(), request.ifMatch(), fits, field);
    }

    private static JsonNode parameter(Operation operation, String name, String in) {
        for (JsonNode parameter : operation.parameters()) {
            if (parameter.path("name").asString("").equals(name) && parameter.path("in").asString("").equals(in)) {
                return parameter;
            }
        }
        return Api.JSON.createObjectNode();
    }

    // ---- answers ----------------------------------------------------------------------------------------

    private static List<String> faults(Probe probe, Api.Response response, boolean fhir) {
        List<String> faults = new ArrayList<>();
        int status = response.status();
        if (!probe.fits().contains(status)) {
            faults.add("status " + status + ", expected one of " + probe.fits());
        }
        String contentType = String.valueOf(response.header("Content-Type"));
        String body = response.raw().body();
        JsonNode answer;
        try {
            answer = body.isBlank() ? Api.JSON.createObjectNode() : Api.JSON.readTree(body);
        } catch (RuntimeException notJson) {
            answer = Api.JSON.createObjectNode();
        }
        if (fhir && "OperationOutcome".equals(answer.path("resourceType").asString(""))) {
            if (!contentType.startsWith("application/fhir+json")) {
                faults.add("an OperationOutcome as " + contentType);
            }
        } else {
            if (!contentType.startsWith("application/problem+json")) {
                faults.add("Content-Type " + contentType);
            }
            for (String member : List.of("type", "title", "status")) {
                if (!answer.hasNonNull(member)) {
                    faults.add("no " + member);
                }
            }
        }
        if (CLASS_NAME.matcher(body).find()) {
            faults.add("a Java class name");
        }
        STACK_TRACE_MARKS.stream().filter(body::contains).forEach(mark -> faults.add("a stack trace mark " + mark));
        if (probe.field() != null && (status == 400 || status == 422) && !namesField(answer, probe.field())) {
            faults.add("no errors[].field naming " + probe.field());
        }
        return faults;
    }

    private static boolean namesField(JsonNode problem, String field) {
        for (Iterator<JsonNode> errors = problem.path("errors").values().iterator(); errors.hasNext(); ) {
            String named = errors.next().path("field").asString("");
            if (named.equals(field) || named.startsWith(field + ".") || named.startsWith(field + "[")) {
                return true;
            }
        }
        return false;
    }

    // ---- the table --------------------------------------------------------------------------------------

    /**
     * What each endpoint answered: a line per endpoint with the caller and each probe's status ({@code !} before a
     * probe whose answer does not hold), then the answers that do not hold with what is wrong with them.
     */
    public static String table(List<Answer> answers) {
        StringBuilder table = new StringBuilder();
        Map<String, List<Answer>> byEndpoint = answers.stream()
                .collect(Collectors.groupingBy(Answer::endpoint, LinkedHashMap::new, Collectors.toList()));
        byEndpoint.forEach((endpoint, endpointAnswers) -> {
            table.append(endpoint).append("  as ").append(endpointAnswers.get(0).caller().label()).append('\n');
            StringBuilder line = new StringBuilder("    ");
            for (Answer answer : endpointAnswers) {
                String cell = (answer.holds() ? "" : "!") + answer.probe().what() + " " + answer.status() + "; ";
                if (line.length() + cell.length() > 160) {
                    table.append(line).append('\n');
                    line = new StringBuilder("    ");
                }
                line.append(cell);
            }
            table.append(line).append('\n');
        });
        List<Answer> failed = answers.stream().filter(answer -> !answer.holds()).toList();
        table.append("\n").append(answers.size()).append(" answers from ").append(byEndpoint.size())
                .append(" endpoints; ").append(failed.size()).append(" do not hold").append(failed.isEmpty() ? "" : ":")
                .append('\n');
        failed.forEach(answer -> table.append("  ").append(answer.endpoint()).append(" ").append(answer.probe().what())
                .append(": ").append(String.join(", ", answer.faults())).append(": ")
                .append(abbreviated(answer.body().replaceAll("\\s+", " "), 300)).append('\n'));
        return table.toString();
    }

    private static String abbreviated(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length) + "…";
    }
}
