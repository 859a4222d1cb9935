package cn.referral.registry.application.port.out;

import java.util.Collection;

import cn.referral.platform.domain.AllianceId;
import cn.referral.platform.domain.InstitutionId;
import cn.referral.registry.domain.alliance.Alliance;
import reactor.core.publisher.Flux;

/**
 * Alliances. Writes fail with the {@code grid-cell-taken} rule violation if another alliance claimed
 * one of the grid cells concurrently.
 */
public interface AllianceStore extends RecordStore<Alliance, AllianceId> {

    /** Every alliance the institution belongs to, active or not. */
    Flux<Alliance> findByMember(InstitutionId institutionId);

    /** Active alliances responsible for any of these grid cells ({@code district/name}). */
    Flux<Alliance> findClaiming(Collection<String> gridCells);
}
