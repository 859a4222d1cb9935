package cn.referral.quota.bench;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.domain.PoolId;
import cn.referral.platform.domain.ReferralId;
import cn.referral.platform.testing.MongoStandIn;
import cn.referral.quota.adapter.out.persistence.LedgerStack;
import cn.referral.quota.application.port.in.Placement;
import cn.referral.quota.domain.Urgency;
import cn.referral.quota.domain.pool.HoldRequest;
import cn.referral.quota.domain.pool.Pool;
import cn.referral.quota.domain.pool.PoolKey;
import cn.referral.quota.domain.pool.Resource;
import cn.referral.quota.domain.pool.Session;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Hold throughput and latency of the ledger on the in-process Mongo stand-in, through two ledger
 * instances (as two replicas) sharing one database. Not a test: run {@code deploy/bench/quota-holds/run}.
 * <ul>
 * <li>hot pool: 1,000 referrals for one pool with 100 reserved units (900 end on the waitlist)</li>
 * <li>spread pools: 1,000 referrals over 50 pools (one per department) with 20 reserved each</li>
 * </ul>
 * Arguments: {@code [attempts] [concurrency]} (defaults 1000 and 64).
 */
public final class HoldBenchmark {

    private static final Instant NOW = Instant.parse("2026-11-24T02:00:00Z");
    private static final LocalDate DAY = LocalDate.parse("2026-12-01");
    private static final String HOSPITAL = "bench-hospital";

    public static void main(String[] args) {
        int attempts = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        System.out.printf("Hardware: %d CPUs (nproc), %d MiB max heap, %s MiB physical memory, Java %s (%s), %s%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, physicalMemoryMib(),
                System.getProperty("java.version"), System.getProperty("java.vm.name"), System.getProperty("os.name"));
        System.out.printf("Store: mongo-java-server (in-memory stand-in), 2 ledger instances, concurrency %d%n%n",
                concurrency);
        try (MongoStandIn standIn = MongoStandIn.start()) {
            // warm-up: JIT, connection pools
            run(standIn, "warm-up", 300, 1, 30, concurrency, false);
            run(standIn, "hot pool", attempts, 1, 100, concurrency, true);
            run(standIn, "spread pools", attempts, 50, 20, concurrency, true);
        }
        System.exit(0);
    }

    private static void run(MongoStandIn standIn, String name, int attempts, int pools, int reserved, int concurrency,
                            boolean print) {
        String database = "bench-" + UUID.randomUUID();
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        RoundTrips roundTrips = new RoundTrips();
        MongoClient firstClient = roundTrips.client(standIn.uri());
        MongoClient secondClient = roundTrips.client(standIn.uri());
        LedgerStack first = LedgerStack.on(new ReactiveMongoTemplate(firstClient, database), clock);
        LedgerStack second = LedgerStack.on(new ReactiveMongoTemplate(secondClient, database), clock);
        List<String> departments = new ArrayList<>();
        for (int p = 0; p < pools; p++) {
            String department = "department-" + p;
            departments.add(department);
            first.pools().insert(Pool.open(new PoolId(UUID.randomUUID().toString()),
                    new PoolKey(new InstitutionId(HOSPITAL), department, Resource.EXPERT_CLINIC, DAY, Session.MORNING),
                    reserved * 5, reserved, ZoneId.of("Asia/Shanghai"))).block(Duration.ofSeconds(10));
        }
        // plays the outbox relay, which in a running service keeps the outbox arrays short
        ReactiveMongoTemplate relay = standIn.template(database);
        Disposable draining = Flux.interval(Duration.ofMillis(20)).onBackpressureDrop()
                .concatMap(tick -> relay.updateMulti(new Query(Criteria.where("outbox.0").exists(true)),
                        new Update().set("outbox", List.of()), LedgerStack.poolCollection()), 1)
                .subscribe();
        long[] latencies = new long[attempts];
        roundTrips.reset();
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        long cpuStart = processCpuNanos();
        long start = System.nanoTime();
        List<Placement> placements = Flux.range(0, attempts)
                .flatMap(i -> {
                    HoldRequest request = new HoldRequest(new ReferralId("bench-" + i), new InstitutionId(HOSPITAL),
                            departments.get(i % pools), Resource.EXPERT_CLINIC,
                            i % 10 == 0 ? Urgency.URGENT : Urgency.ROUTINE, i % 3 == 0, false, DAY, DAY,
                            NOW.plus(Duration.ofHours(48)));
                    LedgerStack ledger = i % 2 == 0 ? first : second;
                    return Mono.defer(() -> {
                        long began = System.nanoTime();
                        return ledger.place(request).doOnNext(p -> latencies[i] = System.nanoTime() - began);
                    }).subscribeOn(Schedulers.parallel());
                }, concurrency)
                .collectList()
                .block(Duration.ofMinutes(10));
        double seconds = (System.nanoTime() - start) / 1e9;
        long cpu = processCpuNanos() - cpuStart;
        draining.dispose();
        Map<String, Long> commands = roundTrips.byCommand();
        firstClient.close();
        secondClient.close();
        if (!print) {
            return;
        }
        Arrays.sort(latencies);
        Map<Placement, Long> outcomes = placements.stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        List<org.bson.Document> stored = relay.find(new Query(), org.bson.Document.class, LedgerStack.poolCollection())
                .collectList().block(Duration.ofSeconds(30));
        long overbooked = stored.stream().filter(pool -> pool.getInteger("held") > pool.getInteger("reserved")).count();
        long heldTotal = stored.stream().mapToLong(pool -> pool.getInteger("held")).sum();
        System.out.printf("%-13s %5d attempts, %2d pool(s) × %3d reserved: %7.0f placements/s, p50 %6.1f ms, "
                        + "p99 %6.1f ms, max %6.1f ms, wall %5.2f s, outcomes %s, stored held %d, overbooked pools %d%n",
                name, attempts, pools, reserved, attempts / seconds, millis(latencies, 0.50), millis(latencies, 0.99),
                latencies[attempts - 1] / 1e6, seconds, outcomes, heldTotal, overbooked);
        System.out.printf("%-13s round trips per placement %.2f %s%n", "",
                commands.values().stream().mapToLong(Long::longValue).sum() / (double) attempts, commands);
        // CPU of this process (ledgers, stand-in, bench) per placement: steadier than the rate when others share the cores
        System.out.printf("%-13s process CPU %.2f ms per placement (%.0f%% of %d cores over the run), load average %.2f"
                        + " before%n", "", cpu / 1e6 / attempts, 100.0 * cpu / 1e9 / seconds
                        / Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().availableProcessors(),
                loadBefore);
    }

    /** Counts the ledgers' commands to the database (the relay's are not counted), by command name. */
    private static final class RoundTrips implements CommandListener {
        private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

        MongoClient client(String uri) {
            return MongoClients.create(MongoClientSettings.builder().applyConnectionString(new ConnectionString(uri))
                    .addCommandListener(this).build());
        }

        @Override
        public void commandStarted(CommandStartedEvent event) {
            counts.computeIfAbsent(event.getCommandName(), name -> new LongAdder()).increment();
        }

        void reset() {
            counts.clear();
        }

        Map<String, Long> byCommand() {
            Map<String, Long> snapshot = new TreeMap<>();
            counts.forEach((name, count) -> snapshot.put(name, count.sum()));
            return snapshot;
        }
    }

    private static double millis(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    private static String physicalMemoryMib() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return Long.toString(os.getTotalMemorySize() >> 20);
        }
        return "?";
    }
}
