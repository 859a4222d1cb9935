package cn.referral.systemtests.support;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.referral.platform.security.Role;
import cn.referral.platform.testing.TestKeys;
import cn.referral.platform.testing.TestTokens;

/**
 * The whole platform as separate processes from the real jars: the four services and the gateway
 * routing to them, all trusting {@link TestTokens}, on the given Kafka and MongoDB.
 */
public final class RunningPlatform implements AutoCloseable {

    public static final List<String> SERVICES = List.of("registry-service", "referral-service", "quota-service",
            "billing-service");

    private static final Duration STARTUP = ServiceProcess.readyTimeout(Duration.ofSeconds(300));

    private final Infrastructure infrastructure;
    private final Map<String, ServiceProcess> processes = new LinkedHashMap<>();
    private Map<String, String> serviceEnvironment = Map.of();
    private final Map<String, Integer> stoppedPorts = new HashMap<>();

    private RunningPlatform(Infrastructure infrastructure) {
        this.infrastructure = infrastructure;
    }

    /**
     * Starts every service with {@code serviceEnvironment} added (e.g. the {@code local} profile's
     * demo data), then the gateway, and waits until all are ready.
     */
    /** billing-service's port, fixed before anything starts: referral-service is given it (BILLING_URL). */
    private int billingPort;

    public static RunningPlatform start(Infrastructure infrastructure, Map<String, String> serviceEnvironment) {
        RunningPlatform platform = new RunningPlatform(infrastructure);
        platform.serviceEnvironment = Map.copyOf(serviceEnvironment);
        try {
            // billing's port is chosen first: referral-service reads the source-deductible bound from it
            platform.billingPort = Ports.free();
            int billingPort = platform.billingPort;
            for (String service : SERVICES) {
                Map<String, String> environment = platform.environment(serviceEnvironment);
                if (service.equals("referral-service")) {
                    environment.put("BILLING_URL", "http://127.0.0.1:" + billingPort);
                }
                platform.processes.put(service, service.equals("billing-service")
                        ? ServiceProcess.start(service, environment, billingPort)
                        : ServiceProcess.start(service, environment));
            }
            for (ServiceProcess process : platform.processes.values()) {
                // four JVMs starting at once on 2 cores shared with other builds took 180-215 s (2026-11-25)
                process.awaitReady(STARTUP);
            }
            Map<String, String> gatewayEnvironment = platform.environment(Map.of());
            gatewayEnvironment.put("REGISTRY_URL", platform.base("registry-service"));
            gatewayEnvironment.put("REFERRAL_URL", platform.base("referral-service"));
            gatewayEnvironment.put("QUOTA_URL", platform.base("quota-service"));
            gatewayEnvironment.put("BILLING_URL", platform.base("billing-service"));
            platform.processes.put("gateway", ServiceProcess.start("gateway", gatewayEnvironment)
                    .awaitReady(STARTUP));
            return platform;
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
    }

    public ServiceProcess service(String name) {
        return processes.get(name);
    }

    public ServiceProcess gateway() {
        return processes.get("gateway");
    }

    /** A client of the gateway with a development token of that role at that institution. */
    public Api as(Role role, String institution) {
        return new Api(gateway(), TestTokens.token(role, institution));
    }

    /** Stops one service as an operator would (SIGTERM, graceful shutdown). */
    public void stop(String name) {
        ServiceProcess stopped = processes.remove(name);
        stoppedPorts.put(name, stopped.port());
        stopped.close();
    }

    /** Kills one service as a crash would (kill -9): whatever it was doing stops mid-way. */
    public void kill(String name) {
        ServiceProcess killed = processes.remove(name);
        stoppedPorts.put(name, killed.port());
        killed.kill();
    }

    /** Starts a stopped service again, on its port (the gateway routes there), with the environment it had. */
    public ServiceProcess startAgain(String name) {
        return startAgain(List.of(name)).get(0);
    }

    /** Starts several stopped services again at once, then waits until all are ready. */
    public List<ServiceProcess> startAgain(List<String> names) {
        List<ServiceProcess> restarted = names.stream()
                .map(name -> ServiceProcess.start(name, restartEnvironment(name), stoppedPorts.remove(name)))
                .toList();
        for (int i = 0; i < names.size(); i++) {
            processes.put(names.get(i), restarted.get(i).awaitReady(STARTUP));
        }
        return restarted;
    }

    private Map<String, String> restartEnvironment(String name) {
        Map<String, String> environment = environment(serviceEnvironment);
        if (name.equals("referral-service")) {
            environment.put("BILLING_URL", "http://127.0.0.1:" + billingPort);
        }
        return environment;
    }

    private String base(String service) {
        String uri = processes.get(service).uri("").toString();
        return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }

    private Map<String, String> environment(Map<String, String> extra) {
        Map<String, String> environment = new HashMap<>(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafkaBootstrapServers(),
                "MONGODB_URI", infrastructure.mongoUri(),
                "KAFKA_PARTITIONS", "3",
                "JWT_PUBLIC_KEY_LOCATION", TestTokens.publicKeyLocation(),
                "JWT_ISSUER", TestTokens.ISSUER,
                "PATIENT_DATA_KEY", TestKeys.DATA_KEY,
                "PATIENT_PSEUDONYM_KEY", TestKeys.PSEUDONYM_KEY));
        environment.putAll(extra);
        return environment;
    }

    @Override
    public void close() {
        List<String> names = List.copyOf(processes.keySet());
        for (int i = names.size() - 1; i >= 0; i--) {
            processes.remove(names.get(i)).close();
        }
    }
}
