package cn.referral.billing.application.port.in;

import cn.referral.billing.domain.filing.FilingId;
import cn.referral.billing.domain.filing.TransferFiling;
import cn.referral.platform.domain.ReferralId;
import cn.referral.platform.security.Caller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * 转院备案 records for the region's insurer, auditors and the referral's own institutions. Every read
 * carries an insured person number and is recorded in the audit trail with its purpose ({@code null}: the
 * usual purpose of the caller's role).
 */
public interface TransferFilingQueries {

    Flux<Shown<TransferFiling>> forReferral(Caller caller, ReferralId referralId, String purpose);

    /** The filing; {@code NotFound} if there is none or the caller may not see it. */
    Mono<Shown<TransferFiling>> find(Caller caller, FilingId filingId, String purpose);
}
