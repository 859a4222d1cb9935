package cn.referral.billing.application.port.in;

import cn.referral.billing.domain.Fen;
import cn.referral.billing.domain.network.Institution;
import cn.referral.billing.domain.region.RegionCode;

/**
 * The most deductible a stay at the source can have cost, from the schedule billing decides with:
 * what a doctor may state as {@code sourceEpisode.deductiblePaidFen} before submitting a transfer.
 *
 * @param scheduleRegion the region along the patient's chain whose schedule set the bound
 * @param year           the schedule year: the year of the source admission
 */
public record DeductibleCheck(Institution source, RegionCode scheduleRegion, int year, Fen bound, Fen paid) {

    public boolean within() {
        return paid.compareTo(bound) <= 0;
    }
}
