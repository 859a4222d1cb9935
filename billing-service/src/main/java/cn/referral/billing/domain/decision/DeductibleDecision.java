package cn.referral.billing.domain.decision;

import cn.referral.billing.domain.InsuredPersonNo;
import cn.referral.billing.domain.Outcome;
import cn.referral.billing.domain.region.RegionCode;
import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.domain.ReferralId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The deductible decision of one accepted referral, as insurance settlement reads it: one per
 * referral, issued when the referral is accepted, revoked when it is cancelled, expires or the
 * patient does not show. It holds for care at the target from {@code validFrom} to {@code validUntil}.
 */
public record DeductibleDecision(DecisionId decisionId, ReferredCare care, InsuredPersonNo insuredPersonNo,
                                 DeductibleAssessment assessment, LocalDate validFrom, LocalDate validUntil,
                                 Instant issuedAt, DecisionStatus status, ClosingReason revocationReason,
                                 Instant revokedAt) implements RevocableRecord {

    public DeductibleDecision {
        Objects.requireNonNull(decisionId, "decisionId");
        Objects.requireNonNull(care, "care");
        Objects.requireNonNull(insuredPersonNo, "insuredPersonNo");
        Objects.requireNonNull(assessment, "assessment");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validUntil, "validUntil");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(status, "status");
        if (validUntil.isBefore(validFrom)) {
            throw new IllegalArgumentException("a decision cannot end before it starts");
        }
        if ((status == DecisionStatus.REVOKED) != (revokedAt != null && revocationReason != null)) {
            throw new IllegalArgumentException("a revoked decision says when and why, an issued one does not");
        }
    }

    public static Outcome<DeductibleDecision, DecisionEvent> issue(DecisionId decisionId, ReferredCare care,
                                                                   InsuredPersonNo insuredPersonNo,
                                                                   DeductibleAssessment assessment, LocalDate validFrom,
                                                                   LocalDate validUntil, Instant now) {
        DeductibleDecision decision = new DeductibleDecision(decisionId, care, insuredPersonNo, assessment, validFrom,
                validUntil, now, DecisionStatus.ISSUED, null, null);
        return new Outcome<>(decision, List.of(new DecisionEvent.Issued(decision, now)));
    }

    /** Revokes an issued decision; a revoked one stays as it is, with no new event. */
    public Outcome<DeductibleDecision, DecisionEvent> revoke(ClosingReason reason, Instant now) {
        Objects.requireNonNull(reason, "reason");
        if (status == DecisionStatus.REVOKED) {
            return new Outcome<>(this, List.of());
        }
        DeductibleDecision revoked = new DeductibleDecision(decisionId, care, insuredPersonNo, assessment, validFrom,
                validUntil, issuedAt, DecisionStatus.REVOKED, reason, now);
        return new Outcome<>(revoked, List.of(new DecisionEvent.Revoked(revoked, reason, now)));
    }

    @Override
    public ReferralId referralId() {
        return care.referralId();
    }

    public RegionCode region() {
        return care.region();
    }

    /** The patient's region, whose insurer settles the decision: {@link #region()}. */
    @Override
    public RegionCode insuringRegion() {
        return region();
    }

    /** Who may read it besides auditors: the region's insurer and the referral's own two institutions. */
    @Override
    public boolean concernsInstitution(InstitutionId institutionId) {
        return institutionId != null
                && (institutionId.equals(care.from().id()) || institutionId.equals(care.to().id()));
    }
}
