package cn.referral.referral.adapter.out.persistence;

import cn.referral.referral.domain.referral.Referral;

/**
 * The stored sort keys of the worklists: higher urgency first (EMERGENCY, the 绿色通道, on top), then,
 * within an urgency, the referrals received first ({@code ContractedFirstReception}, seed 001's
 * 经基层医生转诊的签约患者 where the receiving region lists it), then the oldest submission —
 * {@code priority} descending, {@code receptionRank} descending, {@code submittedAt} ascending.
 * Seed 001 (五) 2: “医联体内上级医院对下级医院的转诊患者提供优先接诊”. A document stored before
 * {@code receptionRank} existed has none, which sorts as 0 (MongoDB sorts a missing field lowest).
 */
final class WorklistPriority {

    private WorklistPriority() {
    }

    static int of(Referral referral) {
        return referral.urgency().rank();
    }

    /** 1 for a referral received first within its urgency, else 0. */
    static int receptionRankOf(Referral referral) {
        return referral.receivedFirst() ? 1 : 0;
    }
}
