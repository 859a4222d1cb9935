package cn.referral.quota.adapter.out.metrics;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import cn.referral.platform.domain.PoolId;
import cn.referral.quota.application.port.out.QuotaMetrics;
import cn.referral.quota.domain.QuotaEvent;
import cn.referral.quota.domain.pool.Pool;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/**
 * Prometheus metrics of the ledger. Counters count what this replica did (sum them across
 * replicas); gauges show the stored state of the coming pools, the same on every replica.
 * <ul>
 * <li>{@code quota.holds} (tags resource, greenChannel), {@code quota.waitlisted},
 * {@code quota.releases} (tag reason), {@code quota.reserve.released.units}, {@code quota.unavailable}</li>
 * <li>{@code quota.green.channel.granted} (institution, resource): EMERGENCY holds granted beyond the
 * reserve. The doctor sets the urgency and the green channel is never refused, so an unusual rate at
 * one institution is alerted on (deploy/prometheus alert GreenChannelHoldsUnusual).</li>
 * <li>{@code quota.reserved.utilization} (institution, resource): held ÷ reserved of the coming pools</li>
 * <li>{@code quota.reserved.units}, {@code quota.held.units}, {@code quota.waitlist.length},
 * {@code quota.green.channel.holds} (institution, resource)</li>
 * </ul>
 */
@Component
class MicrometerQuotaMetrics implements QuotaMetrics {

    private final MeterRegistry registry;
    private final Map<Tags, AtomicReference<Totals>> totals = new ConcurrentHashMap<>();

    MicrometerQuotaMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void recorded(List<QuotaEvent> events) {
        for (QuotaEvent event : events) {
            if (event instanceof QuotaEvent.SlotHeld held) {
                registry.counter("quota.holds", "resource", held.pool().key().resource().name(),
                        "greenChannel", Boolean.toString(held.hold().greenChannel())).increment();
                if (held.hold().greenChannel()) {
                    registry.counter("quota.green.channel.granted",
                            "institution", held.pool().key().institutionId().value(),
                            "resource", held.pool().key().resource().name()).increment();
                }
            } else if (event instanceof QuotaEvent.Waitlisted waitlisted) {
                registry.counter("quota.waitlisted", "resource", waitlisted.pool().key().resource().name()).increment();
            } else if (event instanceof QuotaEvent.SlotReleased released) {
                registry.counter("quota.releases", "reason", released.reason().name()).increment();
            } else if (event instanceof QuotaEvent.SlotConfirmed confirmed) {
                registry.counter("quota.confirmations", "resource", confirmed.pool().key().resource().name())
                        .increment();
            } else if (event instanceof QuotaEvent.ReserveReleased reserve) {
                registry.counter("quota.reserve.released.units", "resource", reserve.pool().key().resource().name())
                        .increment(reserve.units());
            } else if (event instanceof QuotaEvent.Unavailable) {
                registry.counter("quota.unavailable").increment();
            }
        }
    }

    @Override
    public void observed(List<Pool> upcomingPools, Map<PoolId, Long> waitingByPool) {
        Map<Tags, Totals> now = upcomingPools.stream().collect(Collectors.groupingBy(
                pool -> Tags.of("institution", pool.key().institutionId().value(),
                        "resource", pool.key().resource().name()),
                Collectors.reducing(Totals.NONE, pool -> Totals.of(pool, waitingByPool.getOrDefault(pool.id(), 0L)),
                        Totals::plus)));
        // groups that disappeared read as zero rather than keep their last value
        totals.forEach((tags, current) -> current.set(now.getOrDefault(tags, Totals.NONE)));
        now.forEach((tags, value) -> totals.computeIfAbsent(tags, this::register).set(value));
    }

    private AtomicReference<Totals> register(Tags tags) {
        AtomicReference<Totals> value = new AtomicReference<>(Totals.NONE);
        Gauge.builder("quota.reserved.utilization", value, ref -> ref.get().utilization()).tags(tags)
                .description("Held reserved units / reserved units of the coming pools").register(registry);
        Gauge.builder("quota.reserved.units", value, ref -> ref.get().reserved).tags(tags).register(registry);
        Gauge.builder("quota.held.units", value, ref -> ref.get().held).tags(tags).register(registry);
        Gauge.builder("quota.waitlist.length", value, ref -> ref.get().waiting).tags(tags).register(registry);
        Gauge.builder("quota.green.channel.holds", value, ref -> ref.get().greenChannel).tags(tags)
                .register(registry);
        return value;
    }

    private record Totals(long reserved, long held, long waiting, long greenChannel) {

        static final Totals NONE = new Totals(0, 0, 0, 0);

        static Totals of(Pool pool, long waiting) {
            return new Totals(pool.reserved(), pool.held(), waiting, pool.greenChannelHeld());
        }

        Totals plus(Totals other) {
            return new Totals(reserved + other.reserved, held + other.held, waiting + other.waiting,
                    greenChannel + other.greenChannel);
        }

        double utilization() {
            return reserved == 0 ? 0 : (double) held / reserved;
        }
    }
}
