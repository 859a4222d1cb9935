package cn.referral.referral.application.port.out;

import cn.referral.platform.domain.AllianceId;
import cn.referral.platform.domain.CatalogId;
import cn.referral.platform.domain.ContractId;
import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.domain.PractitionerId;
import cn.referral.platform.mongo.LocalView;
import cn.referral.referral.domain.network.Alliance;
import cn.referral.referral.domain.network.Catalog;
import cn.referral.referral.domain.network.FamilyDoctorContract;
import cn.referral.referral.domain.network.Practitioner;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Local views of the registry's catalogs, contracts, alliances and practitioners; a snapshot older than the one held
 * is dropped.
 */
public interface ReferenceData {

    Flux<Catalog> catalogs();

    LocalView<Catalog, CatalogId> catalogView();

    /** Every contract held for the patient (an old one and its successor may overlap). */
    Flux<FamilyDoctorContract> contractsOf(String patientRef);

    /** The active family-doctor contracts whose primary (基层) institution is this one. */
    Flux<FamilyDoctorContract> contractsAt(InstitutionId primaryInstitutionId);

    LocalView<FamilyDoctorContract, ContractId> contractView();

    Mono<Alliance> alliance(AllianceId allianceId);

    /** The alliances listing the institution as a member, by alliance id. */
    Flux<Alliance> alliancesOf(InstitutionId institutionId);

    LocalView<Alliance, AllianceId> allianceView();

    /** The practitioner the registry knows by this id; empty when it knows none (or removed it). */
    Mono<Practitioner> practitioner(PractitionerId practitionerId);

    LocalView<Practitioner, PractitionerId> practitionerView();
}
