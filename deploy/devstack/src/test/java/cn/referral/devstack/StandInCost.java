package cn.referral.devstack;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.bson.Document;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;

/**
 * Prints what the stand-in spends on 10,000 updates and 10,000 finds of 1,000 decision-like documents on a file:
 * wall time, the CPU of the stand-in's threads (Netty workers and the MVStore's) and of the whole process
 * (which includes this client). Numbers to compare between two builds, not a test: nothing runs it by default.
 *
 * <pre>
 * ./mvnw -B -o -q -pl deploy/devstack test-compile dependency:build-classpath \
 *     -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
 * java -cp deploy/devstack/target/test-classes:deploy/devstack/target/classes:$(cat deploy/devstack/target/test-classpath.txt) \
 *     cn.referral.devstack.StandInCost [operations per round, 10000] [rounds, 4] \
 *     [commit after every n updates, 0: the store's own commits] [documents, 1000]
 * </pre>
 */
public final class StandInCost {

    private StandInCost() {
    }

    public static void main(String[] args) throws Exception {
        int operations = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int commitEvery = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        int documents = args.length > 3 ? Integer.parseInt(args[3]) : 1_000;
        Path dir = Files.createTempDirectory("stand-in-cost");
        Path file = dir.resolve("cost.mv");
        NarrowingH2Backend backend = new NarrowingH2Backend(file.toString());
        MongoServer server = new MongoServer(backend);
        InetSocketAddress address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort())) {
            MongoCollection<Document> decisions = client.getDatabase("billing").getCollection("decisions");
            List<Document> all = new ArrayList<>();
            for (int d = 0; d < documents; d++) {
                all.add(decision(d));
            }
            decisions.insertMany(all);
            backend.commit();
            System.out.printf("%d documents, %d operations per round, round 1 warms up, %s%n", documents, operations,
                    commitEvery > 0 ? "a commit after every " + commitEvery + " updates" : "the store's own commits");
            for (int round = 1; round <= rounds; round++) {
                int r = round;
                measure("round " + round + " updates", backend, () -> {
                    for (int i = 0; i < operations; i++) {
                        String id = "decision-" + (i * 7919 % documents);
                        if ((i + r) % 2 == 0) {
                            decisions.updateOne(Filters.eq("_id", id), Updates.combine(
                                    Updates.set("outboxLease", new Document("owner", "relay-" + r).append("until", i)),
                                    Updates.push("outbox", new Document("eventId", "e-" + r + "-" + i)
                                            .append("type", "DecisionIssuedV1").append("payload", "x".repeat(200)))));
                        } else {
                            decisions.updateOne(Filters.eq("_id", id), Updates.combine(Updates.unset("outboxLease"),
                                    Updates.pull("outbox", new Document("type", "DecisionIssuedV1"))));
                        }
                        if (commitEvery > 0 && i % commitEvery == commitEvery - 1) {
                            commit(backend);
                        }
                    }
                    commit(backend);
                });
                measure("round " + round + " finds  ", backend, () -> {
                    for (int i = 0; i < operations; i++) {
                        decisions.find(Filters.eq("_id", "decision-" + (i * 7919 % documents))).first();
                    }
                });
            }
        } finally {
            server.shutdownNow();
            System.out.printf("file %,d bytes%n", Files.size(file));
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /** CPU of this thread in explicit commits, which write the changed pages here rather than in the store's threads. */
    private static long commitCpu;

    private static void commit(NarrowingH2Backend backend) {
        long before = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        backend.commit();
        commitCpu += ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - before;
    }

    private static void measure(String what, NarrowingH2Backend backend, Runnable work) {
        commitCpu = 0;
        Map<Long, Long> standInBefore = standInThreadCpu();
        long processBefore = processCpu();
        long started = System.nanoTime();
        work.run();
        long wall = System.nanoTime() - started;
        long process = processCpu() - processBefore;
        long standIn = 0;
        for (Map.Entry<Long, Long> thread : standInThreadCpu().entrySet()) {
            standIn += thread.getValue() - standInBefore.getOrDefault(thread.getKey(), 0L);
        }
        System.out.printf("%s: wall %,6d ms, stand-in threads CPU %,6d ms + explicit commits %,6d ms, process CPU %,6d ms%n",
                what, wall / 1_000_000, standIn / 1_000_000, commitCpu / 1_000_000, process / 1_000_000);
    }

    /**
     * CPU so far of the stand-in's own threads: its Netty workers, the store's background writer and H2's
     * {@code H2-serialization} and {@code H2-save} threads, which write the changed pages of a commit.
     */
    private static Map<Long, Long> standInThreadCpu() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Long, Long> cpu = new HashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            String name = info == null ? "" : info.getThreadName();
            if (name.startsWith("mongo-server") || name.contains("MVStore") || name.startsWith("H2-")) {
                cpu.put(info.getThreadId(), threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return cpu;
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** About the size and shape of a billing decision (no real patient data). */
    private static Document decision(int d) {
        return new Document("_id", "decision-" + d).append("status", "ISSUED").append("decisionId", "f04ee5d4-" + d)
                .append("direction", "UP").append("careType", "INPATIENT").append("insuranceScheme", "EMPLOYEE")
                .append("regionCode", "330300").append("insuredPersonNoSealed", "v2:k1:" + "A".repeat(56))
                .append("fromInstitutionId", "wz-lucheng-nanhui-chc").append("fromLevel", "PRIMARY")
                .append("toInstitutionId", "wz-wmu-first-hospital").append("toLevel", "TERTIARY")
                .append("sourceAdmissionDate", "2026-11-26").append("sourceDeductiblePaidFen", 20000L)
                .append("rule", "FULL").append("standardDeductibleFen", 100000L).append("alreadyPaidFen", 20000L)
                .append("waivedFen", 0L).append("payableFen", 100000L).append("allianceId", "wz-urban-group-wmu1")
                .append("sameAlliance", true).append("policyBasis", "no deductible relief applies: " + "x".repeat(120))
                .append("validFrom", "2026-11-26").append("validUntil", "2027-01-05")
                .append("issuedAt", new java.util.Date(1_764_158_036_161L)).append("issuedDay", "2026-11-26")
                .append("outbox", new ArrayList<>()).append("eligibility", "CATALOG").append("admittedOn", "2026-12-06")
                .append("scheduleRegionCode", "330300")
                .append("_class", "cn.referral.billing.adapter.out.persistence.DecisionDocument");
    }
}
