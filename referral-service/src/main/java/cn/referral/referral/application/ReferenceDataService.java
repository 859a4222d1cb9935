package cn.referral.referral.application;

import cn.referral.platform.application.NotFound;
import cn.referral.platform.domain.AllianceId;
import cn.referral.platform.domain.CatalogId;
import cn.referral.platform.domain.ContractId;
import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.domain.PractitionerId;
import cn.referral.platform.mongo.LocalView;
import cn.referral.referral.application.port.in.InstitutionViewUseCases;
import cn.referral.referral.application.port.in.ReferenceDataUseCases;
import cn.referral.referral.application.port.out.InstitutionDirectory;
import cn.referral.referral.application.port.out.ReferenceData;
import cn.referral.referral.domain.network.Alliance;
import cn.referral.referral.domain.network.Catalog;
import cn.referral.referral.domain.network.FamilyDoctorContract;
import cn.referral.referral.domain.network.Institution;
import cn.referral.referral.domain.network.Practitioner;
import reactor.core.publisher.Mono;

/**
 * Keeps the local views of the registry's compacted topics: institutions, catalogs, contracts, alliances,
 * practitioners.
 */
public class ReferenceDataService implements InstitutionViewUseCases, ReferenceDataUseCases {

    private final InstitutionDirectory institutions;
    private final ReferenceData views;

    public ReferenceDataService(InstitutionDirectory institutions, ReferenceData views) {
        this.institutions = institutions;
        this.views = views;
    }

    @Override
    public Mono<Institution> find(InstitutionId id) {
        return institutions.find(id)
                .switchIfEmpty(Mono.error(() -> new NotFound("Institution", id.value())));
    }

    @Override
    public LocalView<Institution, InstitutionId> institutions() {
        return institutions.view();
    }

    @Override
    public LocalView<Catalog, CatalogId> catalogs() {
        return views.catalogView();
    }

    @Override
    public LocalView<FamilyDoctorContract, ContractId> contracts() {
        return views.contractView();
    }

    @Override
    public LocalView<Alliance, AllianceId> alliances() {
        return views.allianceView();
    }

    @Override
    public LocalView<Practitioner, PractitionerId> practitioners() {
        return views.practitionerView();
    }
}
