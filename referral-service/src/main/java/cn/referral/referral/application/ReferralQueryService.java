package cn.referral.referral.application;

import java.time.Clock;
import java.util.function.Supplier;

import cn.referral.platform.application.NotFound;
import cn.referral.platform.application.NotPermitted;
import cn.referral.platform.domain.AllianceId;
import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.domain.ReferralId;
import cn.referral.platform.security.Caller;
import cn.referral.referral.application.port.in.NetworkOrganization;
import cn.referral.referral.application.port.in.ReferralPage;
import cn.referral.referral.application.port.in.ReferralQueries;
import cn.referral.referral.application.port.in.ReferralSearch;
import cn.referral.referral.application.port.out.AuditRecord;
import cn.referral.referral.application.port.out.AuditTrail;
import cn.referral.referral.application.port.out.InstitutionDirectory;
import cn.referral.referral.application.port.out.ReferenceData;
import cn.referral.referral.application.port.out.ReferralFinder.Visibility;
import cn.referral.referral.application.port.out.ReferralFinder;
import cn.referral.referral.application.port.out.ReferralStore;
import cn.referral.referral.domain.referral.Actor;
import cn.referral.referral.domain.referral.Patient;
import cn.referral.referral.domain.referral.Referral;
import cn.referral.referral.domain.referral.ReferralPermissions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads for other systems' views. Single reads apply {@link ReferralPermissions#maySee} to the
 * stored referral; searches ask the store for the same set through {@link #visibility(Actor)}.
 * Every referral whose patient data is shown gets an audit record, as a JSON read does.
 */
public class ReferralQueryService implements ReferralQueries {

    private final ReferralStore store;
    private final ReferralFinder finder;
    private final InstitutionDirectory institutions;
    private final ReferenceData referenceData;
    private final AuditTrail audit;
    private final Clock clock;
    private final Supplier<String> ids;

    public ReferralQueryService(ReferralStore store, ReferralFinder finder, InstitutionDirectory institutions,
                                ReferenceData referenceData, AuditTrail audit, Clock clock, Supplier<String> ids) {
        this.store = store;
        this.finder = finder;
        this.institutions = institutions;
        this.referenceData = referenceData;
        this.audit = audit;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public Mono<Referral> read(ReferralId referralId, String purpose, Caller caller) {
        Actor actor = Actors.of(caller);
        return store.find(referralId).filter(referral -> ReferralPermissions.maySee(referral, actor))
                .switchIfEmpty(Mono.error(() -> new NotFound("Referral", referralId.value())))
                .flatMap(referral -> audited(referral, actor, ReadAudit.READ_REFERRAL, purpose).thenReturn(referral));
    }

    @Override
    public Mono<ReferralPage> search(ReferralSearch search, String purpose, Caller caller) {
        Actor actor = Actors.of(caller);
        return Mono.defer(() -> finder.search(search, visibility(actor)))
                .flatMap(page -> Flux.fromIterable(page.items())
                        .concatMap(referral -> audited(referral, actor, ReadAudit.SEARCH_REFERRAL, purpose))
                        .then(Mono.just(page)));
    }

    @Override
    public Mono<Patient> patient(String patientRef, String purpose, Caller caller) {
        Actor actor = Actors.of(caller);
        return Mono.defer(() -> finder.search(new ReferralSearch(null, null, null, patientRef, null, 0, 1, true),
                        visibility(actor)))
                // one patient read answers as a referral read does: 404 to whoever may see no referral (DESIGN §5)
                .onErrorMap(NotPermitted.class, refused -> new NotFound("Patient", patientRef))
                .flatMap(page -> Mono.justOrEmpty(page.items().stream().findFirst()))
                .switchIfEmpty(Mono.error(() -> new NotFound("Patient", patientRef)))
                .flatMap(newest -> audited(newest, actor, ReadAudit.READ_PATIENT, purpose)
                        .thenReturn(newest.request().patient()));
    }

    @Override
    public Mono<NetworkOrganization> organization(String id) {
        return institutions.find(new InstitutionId(id))
                .flatMap(institution -> referenceData.alliancesOf(institution.id()).collectList()
                        .<NetworkOrganization>map(alliances -> new NetworkOrganization.Member(institution, alliances)))
                .switchIfEmpty(Mono.defer(() -> referenceData.alliance(new AllianceId(id))
                        .map(NetworkOrganization.AllianceOrganization::new)));
    }

    /**
     * The store-side form of {@link ReferralPermissions#maySee}: auditors see all, a desk what is
     * sent to its institution, a doctor what is sent from or to theirs; anyone else may not search.
     */
    static Visibility visibility(Actor actor) {
        return switch (actor.role()) {
            case AUDITOR, SYSTEM -> Visibility.all();
            case REFERRAL_DESK -> institutionScoped(actor, Visibility.Scope.TARGET);
            case PRIMARY_DOCTOR, HOSPITAL_DOCTOR -> institutionScoped(actor, Visibility.Scope.SOURCE_OR_TARGET);
            case OTHER -> throw new NotPermitted("search-roles",
                    "Referral searches are for doctors, referral desks and auditors");
        };
    }

    private static Visibility institutionScoped(Actor actor, Visibility.Scope scope) {
        if (actor.institutionId() == null) {
            throw new NotPermitted("search-roles", "Your token names no institution");
        }
        return new Visibility(scope, actor.institutionId());
    }

    private Mono<Void> audited(Referral referral, Actor actor, String action, String purpose) {
        return audit.record(new AuditRecord(ids.get(), clock.instant(), actor.userId(), actor.role().name(),
                actor.institutionId(), referral.id(), action,
                ReadAudit.purpose(purpose, actor.role())));
    }
}
