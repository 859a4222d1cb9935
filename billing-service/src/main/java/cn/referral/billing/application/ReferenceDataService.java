package cn.referral.billing.application;

import cn.referral.billing.application.port.in.ReferenceDataUseCases;
import cn.referral.billing.application.port.out.AllianceDirectory;
import cn.referral.billing.application.port.out.InstitutionDirectory;
import cn.referral.billing.domain.network.Alliance;
import cn.referral.billing.domain.network.Institution;
import cn.referral.platform.domain.AllianceId;
import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.mongo.LocalView;

/** Keeps the local views of the registry's compacted topics: institutions and alliances. */
public class ReferenceDataService implements ReferenceDataUseCases {

    private final InstitutionDirectory institutions;
    private final AllianceDirectory alliances;

    public ReferenceDataService(InstitutionDirectory institutions, AllianceDirectory alliances) {
        this.institutions = institutions;
        this.alliances = alliances;
    }

    @Override
    public LocalView<Institution, InstitutionId> institutions() {
        return institutions.view();
    }

    @Override
    public LocalView<Alliance, AllianceId> alliances() {
        return alliances.view();
    }
}
