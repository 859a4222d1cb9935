package cn.referral.billing.domain.filing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import cn.referral.billing.domain.BillingFixtures;
import cn.referral.billing.domain.Outcome;
import cn.referral.billing.domain.decision.ClosingReason;

/** A 转院备案's events say what happened, when (the caller's clock) and the filing's version after it. */
class TransferFilingTest {

    private static final Instant ACCEPTED = Instant.parse("2026-11-24T08:00:00Z");
    private static final Instant CANCELLED = ACCEPTED.plusSeconds(7_200);

    @Test
    void registeringAndRevokingEachRaiseOneEventWithTheVersionAndTime() {
        Outcome<TransferFiling, FilingEvent> registered = BillingFixtures.aRegisteredFiling(ACCEPTED);
        Outcome<TransferFiling, FilingEvent> revoked = registered.state().revoke(ClosingReason.REFERRAL_CANCELLED,
                CANCELLED);
        Outcome<TransferFiling, FilingEvent> again = revoked.state().revoke(ClosingReason.REFERRAL_NO_SHOW,
                CANCELLED.plusSeconds(60));

        assertThat(registered.events()).singleElement().isInstanceOfSatisfying(FilingEvent.Registered.class, event -> {
            assertThat(event.version()).isEqualTo(1).isEqualTo(registered.state().version());
            assertThat(event.occurredAt()).isEqualTo(ACCEPTED);
        });
        assertThat(revoked.events()).singleElement().isInstanceOfSatisfying(FilingEvent.Revoked.class, event -> {
            assertThat(event.version()).isEqualTo(2).isEqualTo(revoked.state().version());
            assertThat(event.occurredAt()).isEqualTo(CANCELLED);
            assertThat(event.reason()).isEqualTo(ClosingReason.REFERRAL_CANCELLED);
        });
        assertThat(again.changed()).isFalse();
        assertThat(again.state().version()).isEqualTo(2);
    }
}
