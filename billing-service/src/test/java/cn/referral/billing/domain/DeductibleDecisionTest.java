package cn.referral.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import cn.referral.billing.domain.rules.DeductibleAssessor;

class DeductibleDecisionTest {

    private static final Instant ISSUED = Instant.parse("2026-11-24T08:00:00Z");

    @Test
    void issuingRaisesOneIssuedEvent() {
        Outcome<DeductibleDecision, DecisionEvent> issued = anIssuedDecision();

        assertThat(issued.state().status()).isEqualTo(DecisionStatus.ISSUED);
        assertThat(issued.events()).singleElement().isInstanceOf(DecisionEvent.Issued.class);
    }

    @Test
    void revokingOnceRaisesOneRevokedEventAndRevokingAgainNothing() {
        DeductibleDecision decision = anIssuedDecision().state();
        Instant later = ISSUED.plusSeconds(3600);

        Outcome<DeductibleDecision, DecisionEvent> revoked = decision.revoke(ClosingReason.REFERRAL_CANCELLED, later);
        Outcome<DeductibleDecision, DecisionEvent> again = revoked.state().revoke(ClosingReason.REFERRAL_NO_SHOW,
                later.plusSeconds(60));

        assertThat(revoked.state().status()).isEqualTo(DecisionStatus.REVOKED);
        assertThat(revoked.state().revocationReason()).isEqualTo(ClosingReason.REFERRAL_CANCELLED);
        assertThat(revoked.events()).singleElement().isInstanceOf(DecisionEvent.Revoked.class);
        assertThat(again.changed()).isFalse();
        assertThat(again.state().revocationReason()).isEqualTo(ClosingReason.REFERRAL_CANCELLED);
    }

    @Test
    void theInsuredPersonNumberNeverShowsInFullWhenPrinted() {
        DeductibleDecision decision = anIssuedDecision().state();

        assertThat(decision.toString()).doesNotContain("350583199001011234").contains("****1234");
    }

    private static Outcome<DeductibleDecision, DecisionEvent> anIssuedDecision() {
        ReferredCare care = BillingFixtures.referral(BillingFixtures.NAN_AN, InsuranceScheme.EMPLOYEE, Direction.UP,
                CareType.INPATIENT, BillingFixtures.TOWNSHIP_HEALTH_CENTRE, BillingFixtures.COUNTY_HOSPITAL, 20_000L);
        DeductibleAssessment assessment = new DeductibleAssessor().assess(care,
                Optional.of(BillingFixtures.employeeSchedule(BillingFixtures.NAN_AN)), Optional.empty(),
                java.util.List.of(BillingFixtures.nanAnPolicy()), BillingFixtures.placement(care));
        return DeductibleDecision.issue("decision-1", care, new InsuredPersonNo("350583199001011234"), assessment,
                LocalDate.of(2026, 11, 24), LocalDate.of(2026, 12, 24), ISSUED);
    }
}
