package cn.referral.systemtests.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;

/**
 * An access policy written as data: rows (a request and why it is allowed or refused), columns
 * (callers), cells (the status each caller must get), run against the platform and printed with
 * what each caller actually got.
 * <p>
 * Requests name the objects they act on by token ({@code {held}}, {@code {pool}}, …). A cell that
 * is expected to <em>succeed</em> at a state change gets new objects of its own (each
 * {@link Fixture} knows how to make one), so an allowed change never disturbs the cells after it;
 * refusals act on the shared objects, which they must leave as they were.
 */
public final class AccessMatrix {

    /** One column: who calls, with their token. */
    public record Caller(String label, Api api) {
    }

    /**
     * An object the requests act on: the shared one, how to make a new one like it (null when no
     * allowed change touches it), and how to read its current ETag (null when nothing needs it).
     */
    public record Fixture(String token, String shared, Supplier<String> fresh, Function<String, String> etag) {

        public static Fixture readOnly(String token, String shared) {
            return new Fixture(token, shared, null, null);
        }
    }

    /** One row: a request, the rule it shows, and the expected status per caller (in column order). */
    public static final class Row {

        private final String method;
        private final String path;
        private final String body;
        private final String why;
        private boolean ifMatch;
        private int[] expected;
        private String listedToken;
        private Set<Caller> seers = Set.of();

        private Row(String method, String path, String body, String why) {
            this.method = method;
            this.path = path;
            this.body = body;
            this.why = why;
        }

        public static Row get(String path, String why) {
            return new Row("GET", path, null, why);
        }

        public static Row post(String path, String body, String why) {
            return new Row("POST", path, body, why);
        }

        public static Row put(String path, String body, String why) {
            return new Row("PUT", path, body, why);
        }

        public static Row delete(String path, String why) {
            return new Row("DELETE", path, null, why);
        }

        /** Sends the object's current ETag in {@code If-Match} (the object named first in the path). */
        public Row ifMatch() {
            this.ifMatch = true;
            return this;
        }

        /** The status each caller must get, in the order of the matrix's columns. */
        public Row expect(int... statuses) {
            this.expected = statuses.clone();
            return this;
        }

        /**
         * For a list or export: of the callers answered 200, exactly {@code seers} find the object
         * ({@code token}) in the answer; everyone else gets it without (an empty list, other lines).
         */
        public Row listing(String token, Caller... seers) {
            this.listedToken = token;
            this.seers = Set.of(seers);
            return this;
        }

        boolean changesState() {
            return !method.equals("GET");
        }

        String method() {
            return method;
        }

        String path() {
            return path;
        }

        String body() {
            return body;
        }

        boolean sendsIfMatch() {
            return ifMatch;
        }

        String request() {
            return method + " " + path;
        }
    }

    /** What one caller got for one row. */
    public record Cell(Row row, Caller caller, int expected, int actual, Boolean listedExpected, Boolean listed,
                       String answer) {

        public boolean holds() {
            return expected == actual && (listedExpected == null || listedExpected.equals(listed));
        }

        String shown() {
            String listing = listed == null ? "" : listed ? "+" : "-";
            if (holds()) {
                return actual + listing;
            }
            String wanted = listedExpected == null || expected != actual ? Integer.toString(expected)
                    : expected + (listedExpected ? "+" : "-");
            return "!" + actual + listing + "≠" + wanted;
        }
    }

    private final List<Caller> callers;
    private final Map<String, Fixture> fixtures = new LinkedHashMap<>();

    public AccessMatrix(List<Caller> callers, List<Fixture> fixtures) {
        this.callers = List.copyOf(callers);
        fixtures.forEach(fixture -> this.fixtures.put(fixture.token(), fixture));
    }

    /** Every cell of every row, in order. */
    public List<Cell> run(List<Row> rows) {
        List<Cell> cells = new ArrayList<>();
        for (Row row : rows) {
            if (row.expected == null || row.expected.length != callers.size()) {
                throw new IllegalArgumentException(row.request() + ": expected " + callers.size()
                        + " statuses (one per caller), got " + Arrays.toString(row.expected));
            }
            for (int column = 0; column < callers.size(); column++) {
                cells.add(run(row, callers.get(column), row.expected[column]));
            }
        }
        return cells;
    }

    private Cell run(Row row, Caller caller, int expected) {
        Request request = request(row, row.changesState() && expected / 100 == 2);
        Api.Response response = caller.api().send(row.method, request.path(), request.body(), request.ifMatch());
        String answer = response.raw().body();
        Boolean listedExpected = null;
        Boolean listed = null;
        if (row.listedToken != null && response.status() == 200) {
            listedExpected = row.seers.contains(caller);
            listed = answer.contains(request.objects().get(row.listedToken));
        }
        return new Cell(row, caller, expected, response.status(), listedExpected, listed, answer);
    }

    /** A row's request as it is sent: the objects it names ({@code objects}, token to id) put in, with their ETag. */
    record Request(String path, String body, String ifMatch, Map<String, String> objects) {
    }

    /**
     * The row's request on the shared objects, or on new objects of its own ({@code ownObjects}: for a change that
     * may succeed, so that it never disturbs the shared ones).
     */
    Request request(Row row, boolean ownObjects) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Fixture fixture : fixtures.values()) {
            if (row.path.contains(fixture.token()) || row.body != null && row.body.contains(fixture.token())
                    || fixture.token().equals(row.listedToken)) {
                values.put(fixture.token(), ownObjects && fixture.fresh() != null ? fixture.fresh().get()
                        : fixture.shared());
            }
        }
        String path = substitute(row.path, values);
        String body = row.body == null ? null : substitute(row.body, values);
        String ifMatch = row.ifMatch ? etagOfFirstObjectIn(row.path, values) : null;
        return new Request(path, body, ifMatch, values);
    }

    /**
     * The first caller the row lets reach the endpoint's own checks (any expected status but 401, 403 and 404), with
     * that status, or null when the row lets no one in.
     */
    Map.Entry<Caller, Integer> firstCallerLetIn(Row row) {
        for (int column = 0; column < callers.size(); column++) {
            int status = row.expected[column];
            if (status != 401 && status != 403 && status != 404) {
                return Map.entry(callers.get(column), status);
            }
        }
        return null;
    }

    /**
     * The 403 cells whose answer is not a problem of type {@code …:forbidden} with a {@code code} naming the rule
     * that refused (README, errors), each as "request as caller: answer". The FHIR view answers in FHIR's own
     * error format instead, an {@code OperationOutcome} whose issue code is {@code forbidden} (docs/fhir.md).
     */
    public static List<String> refusalsNamingNoRule(List<Cell> cells) {
        return cells.stream().filter(cell -> cell.actual() == 403 && !namesTheRuleThatRefused(cell.answer()))
                .map(cell -> cell.row().request() + " as " + cell.caller().label() + ": " + abbreviated(cell.answer()))
                .toList();
    }

    private static boolean namesTheRuleThatRefused(String answer) {
        JsonNode problem = Api.JSON.readTree(answer);
        if ("OperationOutcome".equals(problem.path("resourceType").asString(""))) {
            return "forbidden".equals(problem.path("issue").path(0).path("code").asString(""));
        }
        return problem.path("type").asString("").endsWith(":forbidden") && !problem.path("code").asString("").isBlank();
    }

    private String etagOfFirstObjectIn(String path, Map<String, String> values) {
        Fixture first = fixtures.values().stream()
                .filter(fixture -> path.contains(fixture.token()) && fixture.etag() != null)
                .min((a, b) -> Integer.compare(path.indexOf(a.token()), path.indexOf(b.token())))
                .orElseThrow(() -> new IllegalArgumentException(path + " names no object with an ETag"));
        return first.etag().apply(values.get(first.token()));
    }

    private static String substitute(String template, Map<String, String> values) {
        String result = template;
        for (Map.Entry<String, String> value : values.entrySet()) {
            result = result.replace(value.getKey(), value.getValue());
        }
        return result;
    }

    /**
     * The matrix as a table: a line per row with each caller's actual status ({@code +}/{@code -}:
     * the listed object was / was not in the answer; {@code !actual≠expected} where the policy
     * does not hold), the rule below it, and the answers of the cells that failed.
     */
    public String table(List<Cell> cells) {
        int width = 11;
        int requestWidth = cells.stream().mapToInt(cell -> cell.row().request().length()).max().orElse(20) + 2;
        StringBuilder table = new StringBuilder();
        table.append(pad("", requestWidth));
        callers.forEach(caller -> table.append(pad(caller.label(), width)));
        table.append('\n');
        Map<Row, List<Cell>> byRow = cells.stream()
                .collect(Collectors.groupingBy(Cell::row, LinkedHashMap::new, Collectors.toList()));
        byRow.forEach((row, rowCells) -> {
            table.append(pad(row.request(), requestWidth));
            rowCells.forEach(cell -> table.append(pad(cell.shown(), width)));
            table.append('\n').append(pad("", requestWidth)).append("↳ ").append(row.why).append('\n');
        });
        List<Cell> failed = cells.stream().filter(cell -> !cell.holds()).toList();
        if (!failed.isEmpty()) {
            table.append("\nCells where the policy does not hold (").append(failed.size()).append("):\n");
            failed.forEach(cell -> table.append("  ").append(cell.row().request()).append(" as ")
                    .append(cell.caller().label()).append(": expected ").append(cell.expected())
                    .append(cell.listedExpected() == null ? "" : cell.listedExpected() ? " listing it" : " not listing it")
                    .append(", got ").append(cell.actual())
                    .append(cell.listed() == null ? "" : cell.listed() ? " listing it" : " not listing it")
                    .append(": ").append(abbreviated(cell.answer())).append('\n'));
        }
        return table.toString();
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text + " " : text + " ".repeat(width - text.length());
    }

    private static String abbreviated(String answer) {
        String oneLine = answer.replaceAll("\\s+", " ");
        return oneLine.length() <= 300 ? oneLine : oneLine.substring(0, 300) + "…";
    }
}
