package cn.referral.referral.application;

import cn.referral.referral.application.port.in.InstitutionViewUseCases;
import cn.referral.referral.application.port.out.InstitutionDirectory;
import cn.referral.referral.domain.network.Institution;
import reactor.core.publisher.Mono;

public class InstitutionViewService implements InstitutionViewUseCases {

    private final InstitutionDirectory directory;

    public InstitutionViewService(InstitutionDirectory directory) {
        this.directory = directory;
    }

    @Override
    public Mono<Boolean> snapshotReceived(Institution snapshot) {
        return directory.keepIfNewer(snapshot);
    }

    @Override
    public Mono<Void> institutionRemoved(String id) {
        return directory.remove(id);
    }

    @Override
    public Mono<Institution> find(String id) {
        return directory.find(id);
    }
}
