package cn.referral.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import tools.jackson.databind.JsonNode;

/**
 * {@code deploy/bench/run}: measures a running stack from outside, over HTTP and Kafka, and writes
 * {@code target/bench/results.json} and {@code results.md}. Every loop is bounded by a count or a deadline.
 * Sections (all by default; {@code BENCH_ONLY=gateway,coldsaga,saga,submissions,hotpool,crash} picks some):
 * <ol>
 * <li>gateway vs direct: the same GET with the same tokens, N closed-loop clients, through the gateway and
 * straight to registry-service;</li>
 * <li>cold saga: the same legs as the next section, measured once on the stack as it is, which on a stack just
 * started is its first referral traffic (reported, held to no goal; it also warms the stack for the next);</li>
 * <li>saga legs at a fixed open-loop rate: submit → quota's answer on the referral (SLOT_HELD or WAITLISTED,
 * from the referral's own history timestamps) and accept → the decision record on {@code billing.decisions.v1}
 * (the record's timestamp);</li>
 * <li>submissions through the gateway at a fixed open-loop rate: achieved rate, latency, errors;</li>
 * <li>hot pool: {@code deploy/bench/quota-holds/run} (quota-service's ledger in process);</li>
 * <li>crash recovery: kill -9 a service during a submission run, restart it, time until every referral has
 * its quota answer.</li>
 * </ol>
 */
public final class Bench {

    private static final Set<String> QUOTA_ANSWERS = Set.of("SLOT_HELD", "WAITLISTED", "SLOT_UNAVAILABLE");
    private static final String DECISION_ISSUED = "billing.deductible-decision-issued.v1";

    private final String gateway = env("GATEWAY_URL", "http://127.0.0.1:8080");
    private final String registry = env("REGISTRY_URL", "http://127.0.0.1:8081");
    private final String referral = env("REFERRAL_URL", "http://127.0.0.1:8082");
    private final String quota = env("QUOTA_URL", "http://127.0.0.1:8083");
    private final String billing = env("BILLING_URL", "http://127.0.0.1:8084");
    private final String kafka = env("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");
    private final int clients = Integer.parseInt(env("BENCH_CLIENTS", "64"));
    private final int seconds = Integer.parseInt(env("BENCH_SECONDS", "15"));
    private final int sagaRate = Integer.parseInt(env("BENCH_SAGA_RATE", "20"));
    private final int sagaCount = Integer.parseInt(env("BENCH_SAGA_COUNT", "200"));
    private final int submitRate = Integer.parseInt(env("BENCH_SUBMIT_RATE", "100"));
    private final int submitSeconds = Integer.parseInt(env("BENCH_SUBMIT_SECONDS", "10"));
    private final String crashService = env("BENCH_CRASH_SERVICE", "quota-service");
    private final Set<String> only = Set.of(env("BENCH_ONLY",
            "gateway,coldsaga,saga,submissions,hotpool,crash").split(","));
    private final String label = env("BENCH_LABEL", "");
    private final Path repo = Path.of(System.getProperty("bench.repo", ".")).toAbsolutePath().normalize();

    private final Http http = new Http();
    private final Demo demo = new Demo();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final Map<String, Object> results = new LinkedHashMap<>();
    private final List<String[]> table = new ArrayList<>();
    private int referralIndex;

    public static void main(String[] args) throws Exception {
        Bench bench = new Bench();
        int code = bench.run();
        System.exit(code);
    }

    private int run() throws Exception {
        Map<String, Object> machine = machine();
        results.put("label", label);
        results.put("startedAt", Instant.now().toString());
        results.put("machine", machine);
        System.out.printf("Machine: %s CPUs (nproc), %s MiB memory, load %s, Java %s%n", machine.get("nproc"),
                machine.get("memoryMiB"), machine.get("loadAverage"), machine.get("java"));
        results.put("stack", stack());
        awaitDemoNetwork();
        if (only.contains("gateway")) {
            section("gateway vs direct", this::gatewayVsDirect);
        }
        if (only.contains("coldsaga")) {
            section("saga legs, cold", () -> sagaLegs(false));
        }
        if (only.contains("saga")) {
            section("saga legs", () -> sagaLegs(true));
        }
        if (only.contains("submissions")) {
            section("submissions through the gateway", this::submissions);
        }
        if (only.contains("hotpool")) {
            section("hot pool", this::hotPool);
        }
        if (only.contains("crash")) {
            section("crash recovery", this::crashRecovery);
        }
        Map<String, Object> end = new LinkedHashMap<>();
        end.put("loadAverage", loadAverage());
        end.put("at", Instant.now().toString());
        results.put("finished", end);
        write();
        http.close();
        return 0;
    }

    interface Section {
        Map<String, Object> run() throws Exception;
    }

    private void section(String name, Section section) {
        System.out.printf("%n== %s ==%n", name);
        try {
            results.put(name, section.run());
        } catch (Exception e) {
            System.out.println("  failed: " + e);
            results.put(name, Map.of("error", e.toString()));
            table.add(new String[] {name, "failed: " + e.getMessage(), "", ""});
        }
    }

    // ---- the stack ---------------------------------------------------------------------------------------------

    private Map<String, Object> stack() {
        Map<String, Object> stack = new LinkedHashMap<>();
        Map<String, String> services = new LinkedHashMap<>();
        services.put("gateway", gateway);
        services.put("registry-service", registry);
        services.put("referral-service", referral);
        services.put("quota-service", quota);
        services.put("billing-service", billing);
        for (var service : services.entrySet()) {
            Map<String, Object> about = new LinkedHashMap<>();
            Http.Answer metrics = http.send(Http.get(service.getValue() + "/actuator/prometheus", null));
            about.put("readyAfterSeconds", metric(metrics.body(), "application_ready_time_seconds"));
            about.put("http_server_requests_histogram", metrics.body() != null
                    && metrics.body().contains("http_server_requests_seconds_bucket"));
            try {
                var launch = Processes.listenerOf(java.net.URI.create(service.getValue()).getPort());
                about.put("jvmOptions", launch.command().stream().filter(a -> a.startsWith("-X")).toList());
            } catch (IOException | RuntimeException e) {
                about.put("jvmOptions", "unknown (" + e.getMessage() + ")");
            }
            stack.put(service.getKey(), about);
            System.out.printf("  %-17s ready after %s s, options %s%n", service.getKey(), about.get("readyAfterSeconds"),
                    about.get("jvmOptions"));
        }
        return stack;
    }

    private static Double metric(String body, String name) {
        if (body == null) {
            return null;
        }
        for (String line : body.split("\n")) {
            if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return null;
    }

    /** referral-service accepts referrals between demo institutions only once the registry's topics reached it. */
    private void awaitDemoNetwork() {
        String auditor = token("bench-auditor", "AUDITOR", "audit-office");
        long deadline = System.currentTimeMillis() + 120_000;
        for (String id : Demo.INSTITUTIONS) {
            while (http.send(Http.get(referral + "/institutions-view/" + id, auditor)).status() != 200) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("referral-service has no view of " + id + " after 120 s");
                }
                pause(Duration.ofMillis(500));
            }
        }
    }

    // ---- 1. gateway vs direct ----------------------------------------------------------------------------------

    private Map<String, Object> gatewayVsDirect() throws Exception {
        String path = "/institutions/wz-wmu-first-hospital";
        List<String> readers = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            readers.add(token("bench-reader-" + i, "PRIMARY_DOCTOR", "wz-lucheng-nanhui-chc"));
        }
        System.out.printf("  %d closed-loop clients, GET %s, %d s each way (after 3 s warm-up each)%n", clients, path,
                seconds);
        closedLoop(registry + path, readers, Duration.ofSeconds(3));
        closedLoop(gateway + "/api/registry" + path, readers, Duration.ofSeconds(3));
        Map<String, Object> direct = closedLoop(registry + path, readers, Duration.ofSeconds(seconds));
        Map<String, Object> viaGateway = closedLoop(gateway + "/api/registry" + path, readers,
                Duration.ofSeconds(seconds));
        double ratio = (double) viaGateway.get("okPerSecond") / (double) direct.get("okPerSecond");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("clients", clients);
        out.put("request", "GET " + path);
        out.put("direct", direct);
        out.put("gateway", viaGateway);
        out.put("ratio", Math.round(ratio * 100) / 100.0);
        print("direct", direct);
        print("gateway", viaGateway);
        System.out.printf("  gateway / direct = %.2f%n", ratio);
        long nonOk = (long) viaGateway.get("non2xx");
        table.add(new String[] {"gateway, " + clients + " clients: non-2xx", Long.toString(nonOk)
                + " of " + viaGateway.get("requests") + " " + viaGateway.get("statuses"), "0", mark(nonOk == 0)});
        table.add(new String[] {"gateway / direct throughput", "%.2f (%s vs %s req/s)".formatted(ratio,
                Math.round((double) viaGateway.get("okPerSecond")), Math.round((double) direct.get("okPerSecond"))),
                "≥ 0.5", mark(ratio >= 0.5)});
        table.add(new String[] {"latency direct / gateway", "%s / %s".formatted(stats(direct).text(),
                stats(viaGateway).text()), "", ""});
        return out;
    }

    private static Stats stats(Map<String, Object> run) {
        return (Stats) run.get("latencyStats");
    }

    private static void print(String name, Map<String, Object> run) {
        System.out.printf("  %-8s %6.0f ok/s, %s, non-2xx %s %s%n", name, (double) run.get("okPerSecond"),
                stats(run).text(), run.get("non2xx"), run.get("statuses"));
    }

    /** One thread per client, each sending the next request when the last answered, until the deadline. */
    private Map<String, Object> closedLoop(String url, List<String> clientTokens, Duration duration)
            throws InterruptedException {
        long deadline = System.nanoTime() + duration.toNanos();
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        List<String> sampleErrors = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        long began = System.nanoTime();
        for (String token : clientTokens) {
            Thread thread = new Thread(() -> {
                var request = Http.get(url, token);
                while (System.nanoTime() < deadline) {
                    Http.Answer answer = http.send(request);
                    statuses.merge(answer.status(), 1, Integer::sum);
                    if (answer.ok()) {
                        latencies.add(answer.millis());
                    } else if (sampleErrors.size() < 3) {
                        sampleErrors.add(answer.status() + " " + abbreviate(answer.body()));
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join(duration.toMillis() + 60_000);
        }
        double wall = (System.nanoTime() - began) / 1e9;
        Stats stats = Stats.of(new ArrayList<>(latencies));
        long requests = statuses.values().stream().mapToLong(Integer::longValue).sum();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("requests", requests);
        out.put("okPerSecond", Math.round(stats.count() / wall * 10) / 10.0);
        out.put("non2xx", requests - stats.count());
        out.put("statuses", new TreeMap<>(statuses));
        out.put("latency", stats.json());
        out.put("latencyStats", stats);
        out.put("sampleErrors", sampleErrors);
        return out;
    }

    // ---- 2. saga legs ------------------------------------------------------------------------------------------

    record Submitted(int index, Demo.Referral request, String doctorToken, Http.Answer answer) {

        String id() {
            return answer.ok() ? answer.json().path("id").asString() : null;
        }
    }

    record History(String id, Instant submittedAt, Instant answeredAt, String answer, Instant acceptedAt,
                   int answers) {
    }

    /**
     * The two saga legs at {@code sagaRate}. Held to the goals only when {@code measured}: the cold pass is the
     * first referral traffic a fresh stack sees (classes loaded, code compiled, connections opened on the way),
     * reported on its own row so the two are never mixed.
     */
    private Map<String, Object> sagaLegs(boolean measured) throws Exception {
        String pass = measured ? "" : "first pass (a fresh stack's first referrals), ";
        System.out.printf("  %d referrals submitted straight to referral-service at %d/s (open loop), then accepted at "
                + "%d/s%n", sagaCount, sagaRate, sagaRate);
        List<Submitted> submitted = submitOpenLoop(referral + "/referrals", sagaRate, sagaCount, null);
        List<Submitted> created = submitted.stream().filter(s -> s.answer().status() == 201).toList();
        Map<String, History> answered = awaitAnswers(created, Duration.ofSeconds(60));
        List<Double> holdLeg = new ArrayList<>();
        Map<String, Integer> answers = new TreeMap<>();
        for (History history : answered.values()) {
            if (history.answeredAt() != null) {
                holdLeg.add(Duration.between(history.submittedAt(), history.answeredAt()).toNanos() / 1e6);
                answers.merge(history.answer(), 1, Integer::sum);
            }
        }
        Stats hold = Stats.of(holdLeg);
        Map<String, Object> holdByAnswer = new TreeMap<>();
        StringBuilder byAnswer = new StringBuilder();
        for (String kind : answers.keySet()) {
            Stats of = Stats.of(answered.values().stream().filter(h -> kind.equals(h.answer()))
                    .map(h -> Duration.between(h.submittedAt(), h.answeredAt()).toNanos() / 1e6).toList());
            holdByAnswer.put(kind, of.json());
            byAnswer.append("; ").append(kind).append(' ').append(of.text());
        }
        System.out.printf("  submit → quota answer on the referral: %s (%s%s)%n", hold.text(), answers, byAnswer);

        // accept every answered referral at the same rate; the decision's record timestamp ends the leg
        try (KafkaConsumer<String, byte[]> decisions = consumerAtEnd("billing.decisions.v1")) {
            // what a desk sends: the version it saw (read first, so the accepts themselves go out on schedule)
            List<String[]> toAccept = new ArrayList<>();
            for (Submitted s : created) {
                History history = answered.get(s.id());
                if (history == null || history.answeredAt() == null) {
                    continue;
                }
                Http.Answer current = http.send(Http.get(referral + "/referrals/" + s.id(), s.doctorToken()));
                if (current.ok()) {
                    String desk = token("bench-desk-" + s.request().route().to() + "-" + (toAccept.size() % 4),
                            "REFERRAL_DESK", s.request().route().to());
                    toAccept.add(new String[] {s.id(), current.etag(), desk, Demo.acceptance(s.request().from())});
                }
            }
            List<CompletableFuture<Http.Answer>> accepts = new ArrayList<>();
            List<String> acceptedIds = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < toAccept.size(); i++) {
                String[] a = toAccept.get(i);
                parkUntil(start + (long) (i * 1e9 / sagaRate));
                accepts.add(http.sendAsync(Http.post(referral + "/referrals/" + a[0] + "/accept", a[2], a[3], a[1])));
                acceptedIds.add(a[0]);
            }
            Map<Integer, Integer> acceptStatuses = new TreeMap<>();
            List<Double> acceptLatency = new ArrayList<>();
            List<String> ok = new ArrayList<>();
            for (int k = 0; k < accepts.size(); k++) {
                Http.Answer answer = accepts.get(k).join();
                acceptStatuses.merge(answer.status(), 1, Integer::sum);
                if (answer.ok()) {
                    ok.add(acceptedIds.get(k));
                    acceptLatency.add(answer.millis());
                }
            }
            Map<String, Long> decisionAt = readDecisions(decisions, new HashSet<>(ok), Duration.ofSeconds(60));
            Map<String, Instant> acceptedAt = acceptedAt(created, ok);
            List<Double> decisionLeg = new ArrayList<>();
            for (String id : ok) {
                if (decisionAt.containsKey(id) && acceptedAt.containsKey(id)) {
                    decisionLeg.add((double) (decisionAt.get(id) - acceptedAt.get(id).toEpochMilli()));
                }
            }
            Stats decision = Stats.of(decisionLeg);
            System.out.printf("  accept → decision record on billing.decisions.v1: %s (%d of %d accepted have one; "
                    + "accept answers %s)%n", decision.text(), decisionLeg.size(), ok.size(), acceptStatuses);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("rate", sagaRate);
            out.put("submissions", statusCounts(submitted));
            out.put("submitToQuotaAnswer", hold.json());
            out.put("quotaAnswers", answers);
            out.put("submitToQuotaAnswerByAnswer", holdByAnswer);
            out.put("unanswered", created.size() - holdLeg.size());
            out.put("acceptStatuses", acceptStatuses);
            out.put("acceptHttp", Stats.of(acceptLatency).json());
            out.put("acceptToDecisionRecord", decision.json());
            out.put("acceptedWithoutDecision", ok.size() - decisionLeg.size());
            table.add(new String[] {pass + "submit → hold visible (SLOT_HELD/WAITLISTED), " + sagaRate + "/s",
                    hold.text() + " (" + holdLeg.size() + " of " + created.size() + "; " + answers + ")",
                    measured ? "p99 ≤ 100 ms" : "reported",
                    measured ? mark(hold.count() > 0 && hold.p99() <= 100 && holdLeg.size() == created.size()) : ""});
            table.add(new String[] {pass + "accept → decision on billing.decisions.v1, " + sagaRate + "/s",
                    decision.text() + " (" + decisionLeg.size() + " of " + ok.size() + ")",
                    measured ? "p99 ≤ 250 ms" : "reported",
                    measured ? mark(decision.count() > 0 && decision.p99() <= 250 && decisionLeg.size() == ok.size())
                            : ""});
            return out;
        }
    }

    /** Sends {@code count} submissions at {@code rate}/s whatever the answers take (open loop). */
    private List<Submitted> submitOpenLoop(String url, int rate, int count, Runnable atEachSecond) {
        List<CompletableFuture<Http.Answer>> futures = new ArrayList<>();
        List<Demo.Referral> requests = new ArrayList<>();
        List<String> doctors = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Demo.Referral request = demo.next(referralIndex++);
            requests.add(request);
            // several doctors per centre: each client stays under the gateway's per-client rate limit
            doctors.add(token("bench-doctor-" + request.route().from() + "-" + (i % 16), "PRIMARY_DOCTOR",
                    request.route().from()));
        }
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            parkUntil(start + (long) (i * 1e9 / rate));
            if (atEachSecond != null && i % rate == 0) {
                atEachSecond.run();
            }
            futures.add(http.sendAsync(Http.post(url, doctors.get(i), requests.get(i).json(), null)));
        }
        List<Submitted> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(new Submitted(i, requests.get(i), doctors.get(i), futures.get(i).join()));
        }
        return out;
    }

    private static Map<Integer, Integer> statusCounts(List<Submitted> submitted) {
        Map<Integer, Integer> counts = new TreeMap<>();
        submitted.forEach(s -> counts.merge(s.answer().status(), 1, Integer::sum));
        return counts;
    }

    /** Reads each referral's history (straight from referral-service) until quota's answer is in it or time is up. */
    /**
     * Waits until every referral shows quota's answer in its history. The times come from the history itself, so
     * how often this looks does not change them; but every look is a request to the stack being measured. So it
     * follows one referral, the newest still pending, and reads the others only once that one is answered (answers
     * come about in submission order): one request every half second while the stack catches up, instead of a sweep
     * of every pending referral, back to back, competing with the work it measures.
     */
    private Map<String, History> awaitAnswers(List<Submitted> created, Duration limit) {
        Map<String, History> histories = new HashMap<>();
        long deadline = System.nanoTime() + limit.toNanos();
        List<Submitted> pending = new ArrayList<>(created);
        while (!pending.isEmpty()) {
            boolean late = System.nanoTime() > deadline;
            History newest = history(pending.get(pending.size() - 1));
            if (late || (newest != null && newest.answeredAt() != null)) {
                List<Submitted> still = new ArrayList<>();
                for (Submitted s : pending) {
                    History history = history(s);
                    if (history != null) {
                        histories.put(s.id(), history);
                    }
                    if (history == null || history.answeredAt() == null) {
                        still.add(s);
                    }
                }
                pending = still;
                if (pending.isEmpty() || late) {
                    break;
                }
            }
            pause(Duration.ofMillis(500));
        }
        return histories;
    }

    private History history(Submitted s) {
        Http.Answer answer = http.send(Http.get(referral + "/referrals/" + s.id() + "/history", s.doctorToken()));
        if (!answer.ok()) {
            return null;
        }
        Instant submittedAt = null;
        Instant answeredAt = null;
        Instant acceptedAt = null;
        String first = null;
        int answers = 0;
        for (JsonNode entry : answer.json().path("entries")) {
            Instant at = Instant.parse(entry.path("at").asString());
            String action = entry.path("action").asString();
            if (submittedAt == null) {
                submittedAt = at;
            }
            if (QUOTA_ANSWERS.contains(action)) {
                answers++;
                if (answeredAt == null) {
                    answeredAt = at;
                    first = action;
                }
            }
            if (action.equals("ACCEPT") && acceptedAt == null) {
                acceptedAt = at;
            }
        }
        return new History(s.id(), submittedAt, answeredAt, first, acceptedAt, answers);
    }

    private Map<String, Instant> acceptedAt(List<Submitted> created, List<String> ids) {
        Set<String> wanted = new HashSet<>(ids);
        Map<String, Instant> out = new HashMap<>();
        for (Submitted s : created) {
            if (wanted.contains(s.id())) {
                History history = history(s);
                if (history != null && history.acceptedAt() != null) {
                    out.put(s.id(), history.acceptedAt());
                }
            }
        }
        return out;
    }

    private KafkaConsumer<String, byte[]> consumerAtEnd(String topic) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
                new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        return consumer;
    }

    /** The first issued-decision record's timestamp per referral (the record key), for the wanted referrals. */
    private static Map<String, Long> readDecisions(KafkaConsumer<String, byte[]> consumer, Set<String> wanted,
                                                   Duration limit) {
        Map<String, Long> seen = new HashMap<>();
        long deadline = System.nanoTime() + limit.toNanos();
        while (seen.size() < wanted.size() && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                Header type = record.headers().lastHeader("ce_type");
                if (type != null && new String(type.value(), StandardCharsets.UTF_8).equals(DECISION_ISSUED)
                        && wanted.contains(record.key())) {
                    seen.putIfAbsent(record.key(), record.timestamp());
                }
            }
        }
        return seen;
    }

    // ---- 3. submissions through the gateway --------------------------------------------------------------------

    private Map<String, Object> submissions() {
        int count = submitRate * submitSeconds;
        System.out.printf("  %d referrals through the gateway at %d/s (open loop, 32 doctors)%n", count, submitRate);
        long began = System.nanoTime();
        List<Submitted> submitted = submitOpenLoop(gateway + "/api/referrals", submitRate, count, null);
        double wall = (System.nanoTime() - began) / 1e9;
        List<Double> latencies = submitted.stream().filter(s -> s.answer().ok()).map(s -> s.answer().millis()).toList();
        Stats stats = Stats.of(latencies);
        long errors = submitted.size() - latencies.size();
        double achieved = latencies.size() / wall;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("offeredRate", submitRate);
        out.put("count", count);
        out.put("achievedPerSecond", Math.round(achieved * 10) / 10.0);
        out.put("statuses", statusCounts(submitted));
        out.put("latency", stats.json());
        out.put("sampleErrors", submitted.stream().filter(s -> !s.answer().ok()).limit(3)
                .map(s -> s.answer().status() + " " + abbreviate(s.answer().body())).toList());
        System.out.printf("  %.1f created/s, %s, statuses %s%n", achieved, stats.text(), out.get("statuses"));
        table.add(new String[] {"submissions through the gateway, offered " + submitRate + "/s",
                "%.0f/s, %s, %d errors".formatted(achieved, stats.text(), errors), "≥ 100/s, p99 ≤ 500 ms, 0 errors",
                mark(achieved >= 0.97 * 100 && stats.p99() <= 500 && errors == 0)});
        return out;
    }

    // ---- 4. hot pool -------------------------------------------------------------------------------------------

    private Map<String, Object> hotPool() throws Exception {
        Path script = repo.resolve("deploy/bench/quota-holds/run");
        System.out.println("  " + repo.relativize(script) + " 1000 64");
        Process process = new ProcessBuilder("bash", script.toString(), "1000", "64").directory(repo.toFile())
                .redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.startsWith("hot pool") || line.startsWith("spread pools") || line.startsWith("Hardware")
                        || line.startsWith("Store")) {
                    System.out.println("    " + line);
                }
                lines.add(line);
            }
        }
        int code = process.waitFor();
        Pattern pattern = Pattern.compile("^(hot pool|spread pools)\\s+(\\d+) attempts.*?:\\s+(\\d+) placements/s, "
                + "p50\\s+([\\d.]+) ms, p99\\s+([\\d.]+) ms.*outcomes (.*)$");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("exitCode", code);
        for (String line : lines) {
            Matcher m = pattern.matcher(line.trim());
            if (m.matches()) {
                Map<String, Object> run = new LinkedHashMap<>();
                run.put("attempts", Integer.parseInt(m.group(2)));
                run.put("placementsPerSecond", Integer.parseInt(m.group(3)));
                run.put("p50Ms", Double.parseDouble(m.group(4)));
                run.put("p99Ms", Double.parseDouble(m.group(5)));
                run.put("outcomes", m.group(6));
                out.put(m.group(1), run);
                if (m.group(1).equals("hot pool")) {
                    table.add(new String[] {"hot pool: 1,000 attempts on 100 reserved (in process)",
                            "%s holds/s, p99 %s ms, %s".formatted(m.group(3), m.group(5), m.group(6)),
                            "≥ 1,000/s, p99 ≤ 100 ms, 0 overbooking",
                            mark(Integer.parseInt(m.group(3)) >= 1000 && Double.parseDouble(m.group(5)) <= 100)});
                }
            }
        }
        if (!out.containsKey("hot pool")) {
            out.put("output", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
            table.add(new String[] {"hot pool", "did not run (exit " + code + ")", "", "✘"});
        }
        return out;
    }

    // ---- 5. crash recovery -------------------------------------------------------------------------------------

    private Map<String, Object> crashRecovery() throws Exception {
        String service = crashService;
        int port = switch (service) {
            case "referral-service" -> java.net.URI.create(referral).getPort();
            case "billing-service" -> java.net.URI.create(billing).getPort();
            case "registry-service" -> java.net.URI.create(registry).getPort();
            default -> java.net.URI.create(quota).getPort();
        };
        String baseUrl = "http://127.0.0.1:" + port;
        int rate = sagaRate;
        int count = rate * 15;
        String killHook = System.getenv("BENCH_KILL_CMD");
        String restartHook = System.getenv("BENCH_RESTART_CMD");
        Processes.Launch launch = killHook == null ? Processes.listenerOf(port) : null;
        int replicas = launch == null ? 1 : Processes.replicasOf(launch);
        String killed = replicas > 1 ? service + " (one of " + replicas + " replicas)" : service;
        System.out.printf("  %d referrals straight to referral-service at %d/s; kill -9 %s%s at 2 s, restart at 8 s%n",
                count, rate, killed, launch == null ? "" : " (pid " + launch.pid() + ")");
        long[] killedAt = {0};
        long[] restartedAt = {0};
        AtomicBoolean restartFailed = new AtomicBoolean();
        int[] second = {0};
        List<Submitted> submitted = submitOpenLoop(referral + "/referrals", rate, count, () -> {
            try {
                if (second[0] == 2) {
                    if (killHook != null) {
                        Processes.shell(killHook.formatted(service));
                    } else {
                        Processes.kill(launch);
                    }
                    killedAt[0] = System.currentTimeMillis();
                    System.out.println("  killed " + service);
                } else if (second[0] == 8) {
                    if (restartHook != null) {
                        Processes.shell(restartHook.formatted(service));
                    } else {
                        System.out.println("  restarted " + service + " as pid " + Processes.restart(launch, service));
                    }
                    restartedAt[0] = System.currentTimeMillis();
                }
            } catch (Exception e) {
                restartFailed.set(true);
                System.out.println("  " + e);
            }
            second[0]++;
        });
        if (restartedAt[0] == 0) {
            throw new IllegalStateException("the run ended before the restart");
        }
        long readyAt = awaitReady(baseUrl, Duration.ofSeconds(600));
        List<Submitted> created = submitted.stream().filter(s -> s.answer().status() == 201).toList();
        Map<String, History> answered = awaitAnswers(created, Duration.ofSeconds(300));
        long lastAnswer = answered.values().stream().filter(h -> h.answeredAt() != null)
                .mapToLong(h -> h.answeredAt().toEpochMilli()).max().orElse(0);
        long unanswered = created.size() - answered.values().stream().filter(h -> h.answeredAt() != null).count();
        long twice = answered.values().stream().filter(h -> h.answers() > 1).count();
        double slowest = (lastAnswer - killedAt[0]) / 1000.0;
        double afterReady = (lastAnswer - readyAt) / 1000.0;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("service", service);
        out.put("replicas", replicas);
        out.put("submissions", statusCounts(submitted));
        out.put("restartToReadySeconds", (readyAt - restartedAt[0]) / 1000.0);
        out.put("killToLastAnswerSeconds", slowest);
        out.put("readyToLastAnswerSeconds", afterReady);
        out.put("unanswered", unanswered);
        out.put("answeredTwice", twice);
        System.out.printf("  ready %.1f s after the restart; last quota answer %.1f s after the kill (%.1f s after "
                + "ready); unanswered %d, answered twice %d%n", (readyAt - restartedAt[0]) / 1000.0, slowest,
                afterReady, unanswered, twice);
        table.add(new String[] {"kill -9 " + killed + " at 2 s, restart at 8 s (" + rate + "/s)",
                "all answered %.1f s after the kill (ready after %.1f s), %d unanswered, %d twice".formatted(slowest,
                        (readyAt - restartedAt[0]) / 1000.0, unanswered, twice),
                "every referral decided ≤ 20 s after the kill",
                mark(unanswered == 0 && twice == 0 && slowest <= 20 && !restartFailed.get())});
        return out;
    }

    /**
     * Ready when the readiness probe answers 200: on the management port (the API port + 100, as run-local and
     * compose lay them out) or, for a stack from before the management ports, on the API port itself.
     */
    private long awaitReady(String baseUrl, Duration limit) {
        java.net.URI api = java.net.URI.create(baseUrl);
        String management = "http://" + api.getHost() + ":" + (api.getPort() + 100);
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (http.send(Http.get(management + "/actuator/health/readiness", null)).status() == 200
                    || http.send(Http.get(baseUrl + "/actuator/health/readiness", null)).status() == 200) {
                return System.currentTimeMillis();
            }
            pause(Duration.ofMillis(200));
        }
        throw new IllegalStateException(baseUrl + " not ready within " + limit);
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private String token(String subject, String role, String institution) {
        return tokens.computeIfAbsent(subject, s -> {
            String body = "{\"subject\":\"%s\",\"roles\":[\"%s\"],\"institutionId\":\"%s\",\"ttlMinutes\":120}"
                    .formatted(subject, role, institution);
            Http.Answer answer = http.send(Http.post(gateway + "/auth/dev-token", null, body, null));
            if (!answer.ok()) {
                throw new IllegalStateException("no development token from " + gateway + ": " + answer.status() + " "
                        + abbreviate(answer.body()));
            }
            return answer.json().path("access_token").asString();
        });
    }

    private static String mark(boolean met) {
        return met ? "✔" : "✘";
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        String flat = text.replace('\n', ' ');
        return flat.length() > 160 ? flat.substring(0, 160) + "…" : flat;
    }

    private static void parkUntil(long nanoTime) {
        for (long wait; (wait = nanoTime - System.nanoTime()) > 0; ) {
            LockSupport.parkNanos(wait);
        }
    }

    private static void pause(Duration duration) {
        LockSupport.parkNanos(duration.toNanos());
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static Map<String, Object> machine() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("nproc", Runtime.getRuntime().availableProcessors());
        machine.put("memoryMiB", memoryMib());
        machine.put("loadAverage", loadAverage());
        machine.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")");
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        return machine;
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "?";
        }
    }

    private static long memoryMib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return Runtime.getRuntime().maxMemory() >> 20;
    }

    private void write() throws IOException {
        Path dir = repo.resolve("target/bench");
        Files.createDirectories(dir);
        Map<Object, Object> json = stripStats(results);
        Files.writeString(dir.resolve("results.json"), Http.JSON.writerWithDefaultPrettyPrinter()
                .writeValueAsString(json));
        @SuppressWarnings("unchecked")
        Map<String, Object> machine = (Map<String, Object>) results.get("machine");
        StringBuilder md = new StringBuilder();
        md.append("Machine: ").append(machine.get("nproc")).append(" CPUs, ").append(machine.get("memoryMiB"))
                .append(" MiB, Java ").append(machine.get("java")).append(", load at start ")
                .append(machine.get("loadAverage")).append(label.isEmpty() ? "" : ", stack: " + label).append("\n\n");
        md.append("| measure | result | goal | met |\n|---|---|---|---|\n");
        for (String[] row : table) {
            md.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        Files.writeString(dir.resolve("results.md"), md.toString());
        System.out.println();
        System.out.print(md);
        System.out.println("\nWritten: " + dir.resolve("results.json") + " and " + dir.resolve("results.md"));
    }

    /** The results without the in-memory {@link Stats} (their JSON form sits beside them). */
    private static Map<Object, Object> stripStats(Map<?, ?> map) {
        Map<Object, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            Object value = entry.getValue();
            if (value instanceof Stats) {
                continue;
            }
            out.put(String.valueOf(entry.getKey()), value instanceof Map<?, ?> nested ? stripStats(nested) : value);
        }
        return out;
    }
}
