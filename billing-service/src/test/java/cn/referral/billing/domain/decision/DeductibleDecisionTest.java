package cn.referral.billing.domain.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import cn.referral.billing.domain.BillingFixtures;
import cn.referral.billing.domain.Outcome;

class DeductibleDecisionTest {

    private static final Instant ISSUED = Instant.parse("2026-11-24T08:00:00Z");

    @Test
    void issuingRaisesOneIssuedEvent() {
        Outcome<DeductibleDecision, DecisionEvent> issued = anIssuedDecision();

        assertThat(issued.state().status()).isEqualTo(DecisionStatus.ISSUED);
        assertThat(issued.events()).singleElement().isInstanceOf(DecisionEvent.Issued.class);
        assertThat(issued.events().get(0).version()).isEqualTo(1);
        assertThat(issued.events().get(0).occurredAt()).isEqualTo(ISSUED);
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
        assertThat(revoked.events().get(0).version()).isEqualTo(2).isEqualTo(revoked.state().version());
        assertThat(revoked.events().get(0).occurredAt()).isEqualTo(later);
        assertThat(again.changed()).isFalse();
        assertThat(again.state().revocationReason()).isEqualTo(ClosingReason.REFERRAL_CANCELLED);
    }

    @Test
    void theInsuredPersonNumberNeverShowsInFullWhenPrinted() {
        DeductibleDecision decision = anIssuedDecision().state();

        assertThat(decision.toString()).doesNotContain("350583199001011234").contains("****1234");
    }

    private static Outcome<DeductibleDecision, DecisionEvent> anIssuedDecision() {
        return BillingFixtures.anIssuedDecision(ISSUED);
    }
}
