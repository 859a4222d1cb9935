package cn.referral.referral.application.port.out;

import java.time.Instant;
import java.util.Set;

import cn.referral.platform.domain.InstitutionId;
import cn.referral.referral.domain.kpi.SlotFacts;
import reactor.core.publisher.Mono;

/** What quota did with reserved units, kept for the utilization KPI. */
public interface SlotLedger {

    enum Kind { HELD, CONFIRMED, RELEASED_UNUSED }

    /** Records a fact once per {@code factId}. */
    Mono<Void> record(String factId, Kind kind, InstitutionId institutionId, long units, Instant at);

    Mono<SlotFacts> between(Instant from, Instant to, Set<InstitutionId> institutions);
}
