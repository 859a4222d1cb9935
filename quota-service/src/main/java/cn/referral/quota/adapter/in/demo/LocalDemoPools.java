package cn.referral.quota.adapter.in.demo;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.domain.PoolId;
import cn.referral.quota.application.port.in.OpenPoolCommand;
import cn.referral.quota.application.port.in.PoolUseCases;
import cn.referral.quota.config.QuotaProperties;
import cn.referral.quota.domain.pool.PoolKey;
import cn.referral.quota.domain.pool.Resource;
import cn.referral.quota.domain.pool.Session;

/**
 * Demo pools for the coming 14 days at the two demo hospitals of registry-service's demo data
 * (Wenzhou Medical University First Hospital, Nan'an county hospital). Ids are derived from the
 * pool key, and existing pools are left alone, so every restart is harmless; a restart that finds them all
 * costs one query (it used to try 280 inserts one by one, 3-5 s of a crash restart on 2 cores).
 */
@Component
@Profile("local")
class LocalDemoPools implements ApplicationRunner {

    static final int DAYS = 14;
    private static final Logger log = LoggerFactory.getLogger(LocalDemoPools.class);

    private final PoolUseCases pools;
    private final Clock clock;
    private final QuotaProperties properties;

    LocalDemoPools(PoolUseCases pools, Clock clock, QuotaProperties properties) {
        this.pools = pools;
        this.clock = clock;
        this.properties = properties;
    }

    private record Plan(String institutionId, List<String> departments, int clinicCapacity, int clinicReserved,
                        int beds, int bedsReserved, int examinations, int examinationsReserved) {
    }

    static final List<Plan> PLANS = List.of(
            new Plan("wz-wmu-first-hospital", List.of("心血管内科", "神经内科"), 40, 8, 20, 4, 30, 6),
            new Plan("na-county-hospital", List.of("心血管内科", "神经内科", "康复医学科"), 20, 4, 10, 2, 10, 2));

    @Override
    public void run(ApplicationArguments args) {
        LocalDate today = LocalDate.now(clock.withZone(properties.zone()));
        Map<PoolId, OpenPoolCommand> commands = new LinkedHashMap<>();
        for (int day = 0; day < DAYS; day++) {
            LocalDate date = today.plusDays(day);
            for (Plan plan : PLANS) {
                for (String department : plan.departments()) {
                    for (Session session : List.of(Session.MORNING, Session.AFTERNOON)) {
                        add(commands, command(plan, department, Resource.EXPERT_CLINIC, date, session,
                                plan.clinicCapacity(), plan.clinicReserved()));
                    }
                    add(commands, command(plan, department, Resource.INPATIENT_BED, date, Session.ALL_DAY,
                            plan.beds(), plan.bedsReserved()));
                    add(commands, command(plan, department, Resource.EXAMINATION, date, Session.ALL_DAY,
                            plan.examinations(), plan.examinationsReserved()));
                }
            }
        }
        Long created = pools.openAllIfAbsent(commands).block(Duration.ofMinutes(1));
        log.info("Demo pools: {} created, {} already there", created, commands.size() - created);
    }

    private static void add(Map<PoolId, OpenPoolCommand> commands, OpenPoolCommand command) {
        commands.put(idOf(command.key()), command);
    }

    private static OpenPoolCommand command(Plan plan, String department, Resource resource, LocalDate date,
                                           Session session, int capacity, int reserved) {
        return new OpenPoolCommand(new PoolKey(new InstitutionId(plan.institutionId()), department, resource, date,
                session), capacity, reserved);
    }

    /** The same key always gives the same id. */
    static PoolId idOf(PoolKey key) {
        String name = String.join("|", key.institutionId().value(), key.department(), key.resource().name(),
                key.date().toString(), key.session().name());
        return new PoolId(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString());
    }
}
