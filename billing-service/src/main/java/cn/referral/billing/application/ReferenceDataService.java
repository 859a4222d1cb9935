package cn.referral.billing.application;

import cn.referral.billing.application.port.in.ReferenceDataUseCases;
import cn.referral.billing.application.port.out.AllianceDirectory;
import cn.referral.billing.application.port.out.InstitutionDirectory;
import cn.referral.billing.domain.Alliance;
import cn.referral.billing.domain.Institution;
import cn.referral.platform.domain.AllianceId;
import cn.referral.platform.domain.InstitutionId;
import reactor.core.publisher.Mono;

public class ReferenceDataService implements ReferenceDataUseCases {

    private final InstitutionDirectory institutions;
    private final AllianceDirectory alliances;

    public ReferenceDataService(InstitutionDirectory institutions, AllianceDirectory alliances) {
        this.institutions = institutions;
        this.alliances = alliances;
    }

    @Override
    public Mono<Boolean> institutionSnapshot(Institution institution) {
        return institutions.keepIfNewer(institution);
    }

    @Override
    public Mono<Void> institutionRemoved(InstitutionId institutionId) {
        return institutions.remove(institutionId);
    }

    @Override
    public Mono<Boolean> allianceSnapshot(Alliance alliance) {
        return alliances.keepIfNewer(alliance);
    }

    @Override
    public Mono<Void> allianceRemoved(AllianceId allianceId) {
        return alliances.remove(allianceId);
    }
}
