package cn.referral.referral.application.port.in;

import cn.referral.platform.domain.AllianceId;
import cn.referral.platform.domain.CatalogId;
import cn.referral.platform.domain.ContractId;
import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.domain.PractitionerId;
import cn.referral.platform.mongo.LocalView;
import cn.referral.referral.domain.network.Alliance;
import cn.referral.referral.domain.network.Catalog;
import cn.referral.referral.domain.network.FamilyDoctorContract;
import cn.referral.referral.domain.network.Institution;
import cn.referral.referral.domain.network.Practitioner;

/**
 * Keeping the local views of the registry's institutions, catalogs, contracts, alliances and practitioners: a snapshot
 * or a removal goes to its view as it is (the view keeps only a newer version; no other rule applies).
 */
public interface ReferenceDataUseCases {

    LocalView<Institution, InstitutionId> institutions();

    LocalView<Catalog, CatalogId> catalogs();

    LocalView<FamilyDoctorContract, ContractId> contracts();

    LocalView<Alliance, AllianceId> alliances();

    LocalView<Practitioner, PractitionerId> practitioners();
}
