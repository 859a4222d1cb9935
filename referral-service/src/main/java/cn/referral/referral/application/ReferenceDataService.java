package cn.referral.referral.application;

import cn.referral.referral.application.port.in.InstitutionViewUseCases;
import cn.referral.referral.application.port.in.ReferenceDataUseCases;
import cn.referral.referral.application.port.out.InstitutionDirectory;
import cn.referral.referral.application.port.out.ReferenceData;
import cn.referral.referral.domain.network.Alliance;
import cn.referral.referral.domain.network.AllianceId;
import cn.referral.referral.domain.network.Catalog;
import cn.referral.referral.domain.network.CatalogId;
import cn.referral.referral.domain.network.ContractId;
import cn.referral.referral.domain.network.FamilyDoctorContract;
import cn.referral.referral.domain.network.Institution;
import cn.referral.referral.domain.network.InstitutionId;
import reactor.core.publisher.Mono;

/** Keeps the local views of the registry's compacted topics: institutions, catalogs, contracts, alliances. */
public class ReferenceDataService implements InstitutionViewUseCases, ReferenceDataUseCases {

    private final InstitutionDirectory institutions;
    private final ReferenceData views;

    public ReferenceDataService(InstitutionDirectory institutions, ReferenceData views) {
        this.institutions = institutions;
        this.views = views;
    }

    @Override
    public Mono<Boolean> snapshotReceived(Institution snapshot) {
        return institutions.keepIfNewer(snapshot);
    }

    @Override
    public Mono<Void> institutionRemoved(InstitutionId id) {
        return institutions.remove(id);
    }

    @Override
    public Mono<Institution> find(InstitutionId id) {
        return institutions.find(id);
    }

    @Override
    public Mono<Boolean> catalogReceived(Catalog catalog) {
        return views.keepCatalogIfNewer(catalog);
    }

    @Override
    public Mono<Void> catalogRemoved(CatalogId catalogId) {
        return views.removeCatalog(catalogId);
    }

    @Override
    public Mono<Boolean> contractReceived(FamilyDoctorContract contract) {
        return views.keepContractIfNewer(contract);
    }

    @Override
    public Mono<Void> contractRemoved(ContractId contractId) {
        return views.removeContract(contractId);
    }

    @Override
    public Mono<Boolean> allianceReceived(Alliance alliance) {
        return views.keepAllianceIfNewer(alliance);
    }

    @Override
    public Mono<Void> allianceRemoved(AllianceId allianceId) {
        return views.removeAlliance(allianceId);
    }
}
