package cn.referral.billing.domain.filing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import cn.referral.billing.domain.InsuranceScheme;
import cn.referral.billing.domain.InsuredPersonNo;
import cn.referral.billing.domain.Outcome;
import cn.referral.billing.domain.decision.ClosingReason;
import cn.referral.billing.domain.decision.DecisionId;
import cn.referral.billing.domain.decision.DecisionStatus;
import cn.referral.billing.domain.decision.DeductibleDecision;
import cn.referral.billing.domain.decision.RevocableRecord;
import cn.referral.billing.domain.network.Institution;
import cn.referral.billing.domain.region.RegionCode;
import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.domain.ReferralId;

/**
 * The 转院备案 (national 医保 interface 2501) of one accepted referral: what the insurer's system
 * files so that care at the receiving institution is settled as a registered transfer. One per
 * referral, registered beside its deductible decision (same person, scheme, region and validity)
 * and revoked (2502) when the decision is: on cancel, expiry or no-show.
 * docs/insurance-2501.md says where every field comes from.
 */
public record TransferFiling(FilingId filingId, ReferralId referralId, DecisionId decisionId,
                             InsuredPersonNo insuredPersonNo, InsuranceScheme scheme, RegionCode insuringRegion,
                             Institution referring, Institution receiving, String diagnosisCode,
                             String diagnosisName, String conditionDescription, String reason, LocalDate beginDate,
                             LocalDate endDate, Instant registeredAt, FilingStatus status,
                             ClosingReason revocationReason, Instant revokedAt) implements RevocableRecord {

    public TransferFiling {
        Objects.requireNonNull(filingId, "filingId");
        Objects.requireNonNull(referralId, "referralId");
        Objects.requireNonNull(decisionId, "decisionId");
        Objects.requireNonNull(insuredPersonNo, "insuredPersonNo");
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(insuringRegion, "insuringRegion");
        Objects.requireNonNull(referring, "referring");
        Objects.requireNonNull(receiving, "receiving");
        Objects.requireNonNull(beginDate, "beginDate");
        Objects.requireNonNull(endDate, "endDate");
        Objects.requireNonNull(registeredAt, "registeredAt");
        Objects.requireNonNull(status, "status");
        if ((status == FilingStatus.REVOKED) != (revokedAt != null && revocationReason != null)) {
            throw new IllegalArgumentException("a revoked filing says when and why, a registered one does not");
        }
    }

    /**
     * Registers the filing of a referral whose deductible decision stands: the filing holds for the
     * decision's days, for the same insured person. A revoked decision gets no filing.
     */
    public static Outcome<TransferFiling, FilingEvent> register(FilingId filingId, DeductibleDecision decision,
                                                                Institution referring, Institution receiving,
                                                                String diagnosisCode, String diagnosisName,
                                                                String conditionDescription, String reason,
                                                                Instant now) {
        if (decision.status() != DecisionStatus.ISSUED) {
            throw new IllegalArgumentException("only an issued decision is filed");
        }
        TransferFiling filing = new TransferFiling(filingId, decision.referralId(), decision.decisionId(),
                decision.insuredPersonNo(), decision.care().scheme(), decision.region(), referring, receiving,
                diagnosisCode, diagnosisName, conditionDescription, reason, decision.validFrom(),
                decision.validUntil(), now, FilingStatus.REGISTERED, null, null);
        return new Outcome<>(filing, List.of(new FilingEvent.Registered(filing, now)));
    }

    /** Revokes a registered filing (2502); a revoked one stays as it is, with no new event. */
    public Outcome<TransferFiling, FilingEvent> revoke(ClosingReason reason, Instant now) {
        Objects.requireNonNull(reason, "reason");
        if (status == FilingStatus.REVOKED) {
            return new Outcome<>(this, List.of());
        }
        TransferFiling revoked = new TransferFiling(filingId, referralId, decisionId, insuredPersonNo, scheme,
                insuringRegion, referring, receiving, diagnosisCode, diagnosisName, conditionDescription, this.reason,
                beginDate, endDate, registeredAt, FilingStatus.REVOKED, reason, now);
        return new Outcome<>(revoked, List.of(new FilingEvent.Revoked(revoked, reason, now)));
    }

    /** refl_date: the day the transfer was agreed (the receiving side accepted), the decision's first day. */
    public LocalDate transferDate() {
        return beginDate;
    }

    /**
     * out_flag: whether the receiving institution lies outside the insuring region's city (the first
     * four digits of the GB/T 2260 codes differ). docs/insurance-2501.md notes the uncertainty.
     */
    public boolean outOfRegion() {
        String treating = receiving.regionCode();
        return treating != null && !treating.regionMatches(0, insuringRegion.value(), 0, 4);
    }

    /** Who may read it besides auditors and the region's insurer: the referral's own two institutions. */
    @Override
    public boolean concernsInstitution(InstitutionId institutionId) {
        return institutionId != null && (institutionId.equals(referring.id()) || institutionId.equals(receiving.id()));
    }
}
