package cn.referral.referral.domain.referral;

/**
 * Where a referral goes in the network, fixed at submission for the reports: the two institutions'
 * region codes and levels, the {@link ReferralScope} between them, and whether it is a referral the
 * yearly down-referral target counts (see {@code DownReferralToPrimaryCare}).
 */
public record ReferralPath(String fromRegionCode, String toRegionCode, String fromLevel, String toLevel,
                           ReferralScope scope, boolean hospitalToPrimaryCare) {
}
