package cn.referral.referral.application.port.in;

import cn.referral.referral.domain.referral.Referral;

/** The referral a submission made, or the one an earlier request with the same Idempotency-Key made. */
public record Submission(Referral referral, boolean created) {
}
