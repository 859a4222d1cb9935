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
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a client gets wrong, sent to every endpoint of an {@link AccessMatrix}'s rows as a caller the row lets in, so
 * that the endpoint's own checks are reached: broken, mistyped and oversized bodies and body fields at every depth,
 * impossible dates, the wrong {@code Content-Type}, ids that do not exist or cannot be ids, blank, mistyped and
 * out-of-range query values, FHIR search parameters the view cannot read, a malformed or stale {@code If-Match}. Every
 * answer must be the client error that fits (never a 5xx, never a success), as problem+json with {@code type},
 * {@code title} and {@code status} (the FHIR view: an {@code OperationOutcome}), without a Java class name or a stack
 * frame, and a 400 or 422 caused by one body field or query parameter names it in {@code errors[].field} by its path
 * ({@code patient.idNumber}; the FHIR view: in the issue's {@code expression}).
 * <p>
 * Which path segments and query parameters are parameters, and of what type, comes from each service's OpenAPI
 * document as the gateway serves it ({@code /api-docs/<service>}), and the FHIR view's search parameters from its
 * CapabilityStatement ({@code /api/fhir/metadata}); the documented operations that the gateway routes but no row
 * reaches are reported by {@link #operationsWithoutRow()}. Each endpoint is probed once, through its first row, and
 * the body fields only another of its rows sends through that row; a change that may succeed acts on new objects of
 * its own, as in the access matrix.
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
    /** The FHIR view's search parameters by resource type, as its CapabilityStatement lists them. */
    private final Map<String, List<JsonNode>> fhirSearchParameters = new LinkedHashMap<>();
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
        for (JsonNode rest : docsReader.get("/api/fhir/metadata").expect(200).path("rest").values()) {
            for (JsonNode resource : rest.path("resource").values()) {
                List<JsonNode> parameters = new ArrayList<>(resource.path("searchParam").values());
                fhirSearchParameters.put(resource.path("type").asString(), parameters);
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
        Map<Operation, List<Row>> rowsLetIn = new LinkedHashMap<>();
        for (Row row : rows) {
            Operation operation = operationOf(row.method(), row.path());
            if (operation != null && matrix.firstCallerLetIn(row) != null) {
                rowsLetIn.computeIfAbsent(operation, first -> new ArrayList<>()).add(row);
            }
        }
        reached.addAll(rowsLetIn.keySet());
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<List<Answer>>> endpoints = new ArrayList<>();
            rowsLetIn.forEach((operation, endpointRows) -> endpoints.add(pool.submit(
                    () -> probe(operation, endpointRows))));
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

    /**
     * The endpoint's probes through its first row; the fields of a body another of its rows sends (a down-referral's
     * continuity plan beside an up-referral) are probed through that row, as its first caller let in.
     */
    private List<Answer> probe(Operation operation, List<Row> rows) {
        Row row = rows.get(0);
        Map.Entry<Caller, Integer> letIn = matrix.firstCallerLetIn(row);
        AccessMatrix.Request request = request(row);
        List<Probe> probes = new ArrayList<>();
        probes.addAll(pathProbes(operation, request));
        probes.addAll(queryProbes(operation, request));
        probes.addAll(fhirSearchProbes(operation, request));
        Set<String> probedFields = new LinkedHashSet<>();
        if (request.body() != null) {
            probes.addAll(bodyProbes(request));
            probes.addAll(fieldProbes(request, probedFields));
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
            answers.add(answer(endpoint, letIn.getKey(), row.method(), probe));
        }
        for (Row other : rows.subList(1, rows.size())) {
            AccessMatrix.Request otherRequest = request(other);
            if (otherRequest.body() != null) {
                Caller caller = matrix.firstCallerLetIn(other).getKey();
                for (Probe probe : fieldProbes(otherRequest, probedFields)) {
                    answers.add(answer(endpoint, caller, other.method(), probe));
                }
            }
        }
        return answers;
    }

    private AccessMatrix.Request request(Row row) {
        return matrix.request(row, row.changesState() && matrix.firstCallerLetIn(row).getValue() / 100 == 2);
    }

    private static Answer answer(String endpoint, Caller caller, String method, Probe probe) {
        Api.Response response = caller.api().sendPastTheRateLimit(method, probe.path(), probe.contentType(),
                probe.body(), probe.ifMatch());
        return new Answer(endpoint, caller, probe, response.status(), response.raw().body(),
                faults(probe, response, probe.path().startsWith("/api/fhir/")));
    }

    private static String contentTypeOf(AccessMatrix.Request request) {
        return request.body() == null ? null : "application/json";
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
            if (parameter.path("required").asBoolean(false)) {
                wrong.add("");
            }
            switch (values.path("type").asString("")) {
                case "integer", "number" -> {
                    wrong.add("abc");
                    if (values.has("minimum")) {
                        wrong.add(String.valueOf(values.path("minimum").asLong() - 1));
                    } else if (name.equals("page")) {
                        wrong.add("-1");
                    }
                    if (values.has("maximum")) {
                        wrong.add(String.valueOf(values.path("maximum").asLong() + 1));
                    } else if (name.equals("size") || name.equals("limit")) {
                        wrong.add("100000");
                    }
                }
                case "boolean" -> wrong.add("maybe");
                case "string" -> {
                    if (values.path("format").asString("").equals("date")) {
                        wrong.add("2026-13-01");
                        wrong.add("2026-02-30");
                    } else if (values.path("format").asString("").equals("date-time")) {
                        wrong.add("2026-02-30T08:00:00Z");
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
                probes.add(probe("query " + name + "=" + (value.isEmpty() ? "(blank)" : abbreviated(value, 12)),
                        withQueryParameter(request.path(), name, value), request, INVALID, name));
            }
        }
        return probes;
    }

    /**
     * A FHIR search's parameters, as the CapabilityStatement lists them for the resource type, and its paging: a
     * reference that cannot be one, an unknown code, a modifier, an unknown parameter, a count or offset out of range.
     * The answer must be a 400 OperationOutcome naming the parameter in its issue's {@code expression}.
     */
    private List<Probe> fhirSearchProbes(Operation operation, AccessMatrix.Request request) {
        String type = operation.template().startsWith("/fhir/") ? operation.template().substring("/fhir/".length())
                : "";
        List<JsonNode> parameters = fhirSearchParameters.get(type);
        if (parameters == null || parameters.isEmpty()) {
            return List.of();
        }
        Map<String, List<String>> wrong = new LinkedHashMap<>();
        for (JsonNode parameter : parameters) {
            String name = parameter.path("name").asString();
            switch (parameter.path("type").asString("")) {
                case "reference" -> wrong.put(name, List.of("Organization/not_an_id", ""));
                case "token" -> wrong.put(name, List.of("no-such-code", ""));
                default -> wrong.put(name, List.of(""));
            }
        }
        // the paging every search takes (docs/fhir.md), out of its range
        wrong.put("_count", List.of("abc", "0", "101"));
        wrong.put("_offset", List.of("-1", "abc"));
        List<Probe> probes = new ArrayList<>();
        wrong.forEach((name, values) -> values.forEach(value -> probes.add(probe(
                "query " + name + "=" + (value.isEmpty() ? "(blank)" : value),
                withQueryParameter(request.path(), name, value), request, Set.of(400), name))));
        String first = parameters.get(0).path("name").asString();
        probes.add(probe("query " + first + ":missing=true", withQueryParameter(request.path(), first + ":missing",
                "true"), request, Set.of(400), first + ":missing"));
        probes.add(probe("query unknownParameter=1", withQueryParameter(request.path(), "unknownParameter", "1"),
                request, Set.of(400), "unknownParameter"));
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
                with(valid, List.of("unknownField"), Api.JSON.getNodeFactory().numberNode(1)), ifMatch, INVALID,
                "unknownField"));
        return probes;
    }

    /**
     * Each field of the body at every depth ({@code patient.idNumber}, {@code rules[0].careType}: a list through its
     * first element) of the wrong JSON type (a number or a boolean also as its own text), a string also of 100,000
     * characters and, where it holds a date, as an impossible one and with a time; the answer must name the field by
     * its path. {@code probed}: the paths already probed, skipped and added to.
     */
    private static List<Probe> fieldProbes(AccessMatrix.Request request, Set<String> probed) {
        List<Probe> probes = new ArrayList<>();
        JsonNode valid = Api.JSON.readTree(request.body());
        valid.properties().forEach(field -> fieldProbes(request, valid, List.<Object>of(field.getKey()), field.getValue(),
                probed, probes));
        return probes;
    }

    private static void fieldProbes(AccessMatrix.Request request, JsonNode valid, List<Object> at, JsonNode value,
                                    Set<String> probed, List<Probe> probes) {
        String name = fieldPath(at);
        if (probed.add(name)) {
            if (value.isString()) {
                // 0: where the text is one of a list of codes, the number Jackson would take for the first of them
                probes.add(fieldProbe(request, valid, at, "as number", Api.JSON.getNodeFactory().numberNode(0)));
                probes.add(fieldProbe(request, valid, at, "as object", Api.JSON.createObjectNode()));
                probes.add(fieldProbe(request, valid, at, "of 100,000 characters",
                        Api.JSON.getNodeFactory().stringNode(HUGE), Set.of(400, 413, 422)));
                String text = value.asString();
                if (DATE.matcher(text).matches() || DATE_TIME.matcher(text).matches()) {
                    String impossible = DATE.matcher(text).matches() ? "2026-02-30" : "2026-02-30T08:00:00Z";
                    probes.add(fieldProbe(request, valid, at, impossible,
                            Api.JSON.getNodeFactory().stringNode(impossible)));
                    probes.add(fieldProbe(request, valid, at, "yesterday",
                            Api.JSON.getNodeFactory().stringNode("yesterday")));
                    probes.add(fieldProbe(request, valid, at, "as a number of seconds",
                            Api.JSON.getNodeFactory().numberNode(1_700_000_000L)));
                }
                if (DATE.matcher(text).matches()) {
                    probes.add(fieldProbe(request, valid, at, "with a time",
                            Api.JSON.getNodeFactory().stringNode(text + "T08:00:00")));
                }
            } else if (value.isArray()) {
                probes.add(fieldProbe(request, valid, at, "as object", Api.JSON.createObjectNode()));
            } else {
                probes.add(fieldProbe(request, valid, at, "as string", Api.JSON.getNodeFactory().stringNode("x")));
                if (value.isNumber() || value.isBoolean()) {
                    probes.add(fieldProbe(request, valid, at, "as its text",
                            Api.JSON.getNodeFactory().stringNode(value.asString())));
                }
            }
        }
        if (value.isObject()) {
            List<Object> unknown = append(at, "unknownField");
            if (probed.add(fieldPath(unknown))) {
                probes.add(fieldProbe(request, valid, unknown, "", Api.JSON.getNodeFactory().numberNode(1)));
            }
            value.properties().forEach(field -> fieldProbes(request, valid, append(at, field.getKey()),
                    field.getValue(), probed, probes));
        } else if (value.isArray() && !value.isEmpty()) {
            fieldProbes(request, valid, append(at, 0), value.get(0), probed, probes);
        }
    }

    private static Probe fieldProbe(AccessMatrix.Request request, JsonNode valid, List<Object> at, String what,
                                    JsonNode wrong) {
        return fieldProbe(request, valid, at, what, wrong, INVALID);
    }

    private static Probe fieldProbe(AccessMatrix.Request request, JsonNode valid, List<Object> at, String what,
                                    JsonNode wrong, Set<Integer> fits) {
        String name = fieldPath(at);
        return new Probe((name + " " + what).strip(), request.path(), "application/json", with(valid, at, wrong),
                request.ifMatch(), fits, name);
    }

    /** A field's path as the services name it: {@code continuityPlan.handover.familyDoctorId}, {@code rules[0]}. */
    private static String fieldPath(List<Object> at) {
        StringBuilder path = new StringBuilder();
        for (Object step : at) {
            if (step instanceof Integer index) {
                path.append('[').append(index).append(']');
            } else {
                path.append(path.isEmpty() ? "" : ".").append(step);
            }
        }
        return path.toString();
    }

    private static List<Object> append(List<Object> at, Object step) {
        List<Object> path = new ArrayList<>(at);
        path.add(step);
        return path;
    }

    /** The valid body with the value at {@code at} replaced by {@code value}. */
    private static String with(JsonNode valid, List<Object> at, JsonNode value) {
        JsonNode changed = valid.deepCopy();
        JsonNode parent = changed;
        for (Object step : at.subList(0, at.size() - 1)) {
            parent = step instanceof Integer index ? parent.get(index) : parent.get((String) step);
        }
        Object last = at.get(at.size() - 1);
        if (last instanceof Integer index) {
            ((ArrayNode) parent).set(index, value);
        } else {
            ((ObjectNode) parent).set((String) last, value);
        }
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

    /** Whether a problem's {@code errors[].field}, or an OperationOutcome's {@code issue[].expression}, names it. */
    private static boolean namesField(JsonNode problem, String field) {
        for (JsonNode issue : problem.path("issue").values()) {
            for (JsonNode expression : issue.path("expression").values()) {
                if (expression.asString("").equals(field)) {
                    return true;
                }
            }
        }
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
