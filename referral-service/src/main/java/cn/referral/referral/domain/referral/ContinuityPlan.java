package cn.referral.referral.domain.referral;

import java.util.List;

/** What a down-referral hands on: follow-up schedule, a long prescription, the contract handover. */
public record ContinuityPlan(List<FollowUp> followUps, LongPrescription longPrescription, ContractHandover handover) {

    public ContinuityPlan {
        followUps = followUps == null ? List.of() : List.copyOf(followUps);
    }
}
