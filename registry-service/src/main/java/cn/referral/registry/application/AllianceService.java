package cn.referral.registry.application;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import cn.referral.platform.application.NotFound;
import cn.referral.platform.domain.AllianceId;
import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.security.Caller;
import cn.referral.registry.application.port.in.AllianceUseCases;
import cn.referral.registry.application.port.out.AllianceStore;
import cn.referral.registry.application.port.out.InstitutionStore;
import cn.referral.registry.domain.Outcome;
import cn.referral.registry.domain.RegistryRuleViolation;
import cn.referral.registry.domain.alliance.Alliance;
import cn.referral.registry.domain.alliance.AllianceDetails;
import cn.referral.registry.domain.alliance.CommonAlliances;
import cn.referral.registry.domain.alliance.GridCell;
import cn.referral.registry.domain.institution.Institution;
import cn.referral.registry.domain.policy.OneAlliancePerGridCell;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

public class AllianceService extends DeactivatableRecordService<Alliance, AllianceId, AllianceStore>
        implements AllianceUseCases {

    private final InstitutionStore institutions;

    public AllianceService(AllianceStore store, InstitutionStore institutions, Clock clock, Supplier<String> ids) {
        super(store, "Alliance", clock, ids);
        this.institutions = institutions;
    }

    @Override
    public Mono<Alliance> form(Caller caller, AllianceDetails details) {
        return changes.insert(caller, Mono.fromSupplier(() -> Alliance.form(new AllianceId(ids.get()), details,
                        clock.instant()))
                .flatMap(this::checked));
    }

    @Override
    public Mono<Alliance> formIfAbsent(Caller caller, AllianceId id, AllianceDetails details) {
        return changes.insertIfAbsent(caller, id, newId -> Mono.fromSupplier(() -> Alliance.form(newId, details, clock.instant()))
                .flatMap(this::checked));
    }

    @Override
    public Mono<Alliance> revise(Caller caller, AllianceId id, long expectedVersion,
                                 AllianceDetails details) {
        return changes.changeChecked(caller, id, expectedVersion,
                current -> Mono.fromSupplier(() -> current.revise(details, clock.instant())).flatMap(this::checked));
    }

    @Override
    public Flux<Alliance> alliancesOf(InstitutionId institutionId) {
        return store.findByMember(institutionId).filter(Alliance::active);
    }

    @Override
    public Mono<CommonAlliances> common(InstitutionId institutionA, InstitutionId institutionB) {
        return requireInstitution(institutionA)
                .then(requireInstitution(institutionB))
                .then(alliancesOf(institutionA).collectList())
                .map(alliancesOfA -> CommonAlliances.of(institutionA, institutionB, alliancesOfA));
    }

    private Mono<Institution> requireInstitution(InstitutionId id) {
        return institutions.findById(id)
                .switchIfEmpty(Mono.error(() -> new NotFound(InstitutionService.WHAT, id.value())));
    }

    /** Every institution named is registered and active, and no grid cell belongs to another alliance. */
    private Mono<Outcome<Alliance>> checked(Outcome<Alliance> change) {
        Alliance alliance = change.state();
        Map<InstitutionId, String> fieldOf = referencedInstitutions(alliance);
        return institutions.findByIds(fieldOf.keySet()).filter(Institution::active).map(Institution::id).collectList()
                .flatMap(found -> {
                    List<InstitutionId> missing = fieldOf.keySet().stream().filter(id -> !found.contains(id)).toList();
                    if (!missing.isEmpty()) {
                        return Mono.error(new RegistryRuleViolation("unknown-institution", fieldOf.get(missing.get(0)),
                                "no active institution with id " + String.join(", ",
                                        missing.stream().map(InstitutionId::value).toList())));
                    }
                    return store.findClaiming(alliance.claimedGridCells()).collectList()
                            .doOnNext(claiming -> OneAlliancePerGridCell.check(alliance, claiming))
                            .thenReturn(change);
                });
    }

    private static Map<InstitutionId, String> referencedInstitutions(Alliance alliance) {
        Map<InstitutionId, String> fieldOf = new LinkedHashMap<>();
        alliance.leadInstitutionIds().forEach(id -> fieldOf.putIfAbsent(id, "leadInstitutionIds"));
        if (alliance.hubInstitutionId() != null) {
            fieldOf.putIfAbsent(alliance.hubInstitutionId(), "hubInstitutionId");
        }
        for (GridCell cell : alliance.grids()) {
            if (cell.leadInstitutionId() != null) {
                fieldOf.putIfAbsent(cell.leadInstitutionId(), "grids.leadInstitutionId");
            }
            cell.memberInstitutionIds().forEach(id -> fieldOf.putIfAbsent(id, "grids.memberInstitutionIds"));
        }
        alliance.memberInstitutionIds().forEach(id -> fieldOf.putIfAbsent(id, "memberInstitutionIds"));
        return fieldOf;
    }
}
