package cn.referral.billing.application.port.in;

import cn.referral.billing.domain.filing.TransferFiling;
import cn.referral.platform.security.Caller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** 转院备案 records for the region's insurer, auditors and the referral's own institutions. */
public interface TransferFilingQueries {

    Flux<TransferFiling> forReferral(Caller caller, String referralId);

    Mono<TransferFiling> find(Caller caller, String filingId);
}
