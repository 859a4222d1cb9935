package cn.referral.billing.application.port.out;

import cn.referral.billing.domain.Outcome;
import cn.referral.billing.domain.filing.FilingEvent;
import cn.referral.billing.domain.filing.FilingId;
import cn.referral.billing.domain.filing.TransferFiling;
import cn.referral.platform.domain.ReferralId;
import reactor.core.publisher.Mono;

/** One 转院备案 per referral; a change and its events are written in one atomic single-document operation. */
public interface TransferFilingStore {

    /** Stores a newly registered filing with its events; emits false if the referral already has one. */
    Mono<Boolean> insertRegistered(Outcome<TransferFiling, FilingEvent> change);

    /** Stores a revocation with its events if the filing is still registered; emits whether it did. */
    Mono<Boolean> saveRevocation(Outcome<TransferFiling, FilingEvent> change);

    Mono<TransferFiling> findByReferral(ReferralId referralId);

    Mono<TransferFiling> findById(FilingId filingId);
}
