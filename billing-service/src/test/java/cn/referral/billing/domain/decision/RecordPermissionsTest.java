package cn.referral.billing.domain.decision;

import static cn.referral.billing.domain.BillingFixtures.CITY_HOSPITAL;
import static cn.referral.billing.domain.BillingFixtures.COUNTY_HOSPITAL;
import static cn.referral.billing.domain.BillingFixtures.FUJIAN;
import static cn.referral.billing.domain.BillingFixtures.NAN_AN;
import static cn.referral.billing.domain.BillingFixtures.QUANZHOU;
import static cn.referral.billing.domain.BillingFixtures.TOWNSHIP_HEALTH_CENTRE;
import static cn.referral.billing.domain.BillingFixtures.WENZHOU;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.referral.billing.domain.BillingFixtures;
import cn.referral.billing.domain.filing.TransferFiling;
import cn.referral.platform.domain.InstitutionId;

/**
 * Who reads a Nan'an patient's decision and the 转院备案 filed beside it (referred from the township centre to the
 * county hospital), and who sees the insured person number in full: the two records answer alike.
 */
class RecordPermissionsTest {

    private static final Instant ACCEPTED = Instant.parse("2026-11-24T08:00:00Z");
    private static final DeductibleDecision DECISION = BillingFixtures.anIssuedDecision(ACCEPTED).state();
    private static final TransferFiling FILING = BillingFixtures.aRegisteredFiling(ACCEPTED).state();
    private static final List<RevocableRecord> RECORDS = List.of(DECISION, FILING);

    @Test
    void theInsurerOfThePatientsRegionReadsAndSeesTheNumberInFull() {
        assertReadsBoth(new Actor(false, NAN_AN, null), true);
    }

    @Test
    void anInsurerOfAnyOtherRegionReadsNothingNotEvenTheCityOrProvinceAbove() {
        assertReadsNeither(new Actor(false, WENZHOU, null));
        assertReadsNeither(new Actor(false, QUANZHOU, null));
        assertReadsNeither(new Actor(false, FUJIAN, null));
    }

    @Test
    void anAuditorReadsEveryRecordButSeesTheNumberMasked() {
        assertReadsBoth(new Actor(true, null, null), false);
    }

    @Test
    void anAuditorWhoAlsoSettlesThePatientsRegionSeesTheNumberInFull() {
        assertReadsBoth(new Actor(true, NAN_AN, null), true);
    }

    @Test
    void theReferralsOwnTwoInstitutionsReadItMaskedAndNoOtherInstitutionReadsIt() {
        assertReadsBoth(new Actor(false, null, TOWNSHIP_HEALTH_CENTRE.id()), false);
        assertReadsBoth(new Actor(false, null, COUNTY_HOSPITAL.id()), false);
        assertReadsNeither(new Actor(false, null, CITY_HOSPITAL.id()));
        assertReadsNeither(new Actor(false, null, new InstitutionId("not-in-the-referral")));
    }

    @Test
    void anActorWhoIsNoneOfThemReadsNothing() {
        assertReadsNeither(new Actor(false, null, null));
    }

    /** The actor reads the decision and the filing, and sees the insured person number in full or masked. */
    private static void assertReadsBoth(Actor actor, boolean inFull) {
        assertThat(RECORDS).allSatisfy(record -> {
            assertThat(RecordPermissions.mayRead(record, actor)).isTrue();
            assertThat(RecordPermissions.seesInsuredPersonNoInFull(record, actor)).isEqualTo(inFull);
        });
    }

    /** The actor reads neither record, nor would it see the number in full. */
    private static void assertReadsNeither(Actor actor) {
        assertThat(RECORDS).allSatisfy(record -> {
            assertThat(RecordPermissions.mayRead(record, actor)).isFalse();
            assertThat(RecordPermissions.seesInsuredPersonNoInFull(record, actor)).isFalse();
        });
    }
}
