package cn.referral.referral.application.port.in;

import cn.referral.referral.domain.network.Alliance;
import cn.referral.referral.domain.network.AllianceId;
import cn.referral.referral.domain.network.Catalog;
import cn.referral.referral.domain.network.CatalogId;
import cn.referral.referral.domain.network.ContractId;
import cn.referral.referral.domain.network.FamilyDoctorContract;
import reactor.core.publisher.Mono;

/** Keeping the local views of the registry's catalogs, contracts and alliances. */
public interface ReferenceDataUseCases {

    Mono<Boolean> catalogReceived(Catalog catalog);

    Mono<Void> catalogRemoved(CatalogId catalogId);

    Mono<Boolean> contractReceived(FamilyDoctorContract contract);

    Mono<Void> contractRemoved(ContractId contractId);

    Mono<Boolean> allianceReceived(Alliance alliance);

    Mono<Void> allianceRemoved(AllianceId allianceId);
}
