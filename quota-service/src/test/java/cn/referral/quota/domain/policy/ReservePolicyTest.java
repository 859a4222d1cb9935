package cn.referral.quota.domain.policy;

import cn.referral.platform.domain.HoldId;
import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.domain.ReferralId;
import cn.referral.quota.domain.Urgency;
import cn.referral.quota.domain.pool.HoldRequest;
import cn.referral.quota.domain.pool.Pool;
import cn.referral.quota.domain.pool.Pools;
import cn.referral.quota.domain.pool.Resource;

import static cn.referral.quota.domain.pool.Pools.NOW;
import static cn.referral.quota.domain.pool.Pools.aReferral;
import static cn.referral.quota.domain.pool.Pools.aReferralFromTheContractedPrimary;
import static cn.referral.quota.domain.pool.Pools.anExpertClinic;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Issue 13 item 6, as tables: whom a region's reserve serves (001 contracted first, 002 any referral). */
class ReservePolicyTest {

    @ParameterizedTest(name = "{0}% open of 10 reserved, {1} held by others -> another non-contracted holds: {2}")
    @CsvSource({
            // open percent, reserved units already held by non-contracted referrals, one more may hold
            "0,   0, false",
            "30,  0, true",
            "30,  2, true",
            "30,  3, false",
            "100, 9, true",
    })
    void contractedFirstLeavesOthersOnlyTheOpenShare(int openPercent, int heldByOthers, boolean othersHold) {
        ReservePolicy policy = new ReservePolicy.ContractedFirst(openPercent);
        Pool pool = anExpertClinic(50, 10);
        for (int i = 0; i < heldByOthers; i++) {
            // held as "others" while the whole reserve was open to them
            pool = pool.holdReserved(aReferral("other-" + i, Urgency.ROUTINE, false),
                    new ReservePolicy.ContractedFirst(100), false, new HoldId("h" + i), NOW).orElseThrow().state();
        }

        assertThat(pool.holdReserved(aReferral("another", Urgency.ROUTINE, true), policy, false, new HoldId("x"), NOW)
                .isPresent()).as("contracted elsewhere counts as other").isEqualTo(othersHold);
        assertThat(pool.holdReserved(aReferralFromTheContractedPrimary("own", Urgency.ROUTINE), policy, false,
                new HoldId("y"), NOW)).as("referred by the contracted primary: the whole reserve").isPresent();
    }

    @ParameterizedTest(name = "{0}: contracted {1}, via own primary {2} -> served first {3}")
    @CsvSource({
            "ANY,              false, false, true",
            "ANY,              true,  false, true",
            "CONTRACTED_FIRST, false, false, false",
            "CONTRACTED_FIRST, true,  false, false",
            "CONTRACTED_FIRST, true,  true,  true",
    })
    void whoTheReserveServesFirst(String policyName, boolean contracted, boolean viaPrimary, boolean servedFirst) {
        ReservePolicy policy = policyName.equals("ANY") ? new ReservePolicy.AnyReferral()
                : new ReservePolicy.ContractedFirst(20);
        HoldRequest request = new HoldRequest(new ReferralId("r"), Pools.HOSPITAL, Pools.CARDIOLOGY,
                Resource.EXPERT_CLINIC, Urgency.ROUTINE, contracted, viaPrimary, Pools.SESSION_DAY, Pools.SESSION_DAY,
                NOW);

        assertThat(policy.servesFirst(request)).isEqualTo(servedFirst);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "220102, CONTRACTED_FIRST", // a county of Changchun: the province's (Jilin, seed 001) setting
            "350583, ANY",              // Nan'an: no setting, seed 002's
            "350500, ANY",
            "'',     ANY",
    })
    void aRegionFollowsItsCountyCityOrProvinceSettingElseAnyReferral(String region, String expected) {
        ReservePolicies policies = new ReservePolicies(Map.of("220000", new ReservePolicy.ContractedFirst(30)));

        ReservePolicy policy = policies.of(region);

        assertThat(policy instanceof ReservePolicy.ContractedFirst ? "CONTRACTED_FIRST" : "ANY").isEqualTo(expected);
    }

    @Test
    void eachPolicyQuotesItsSeedSentence() {
        assertThat(new ReservePolicy.AnyReferral().basis()).startsWith("002:").contains("预留20%以上的资源优先保障患者转诊");
        assertThat(new ReservePolicy.ContractedFirst(0).basis()).startsWith("001:")
                .contains("对经基层医生转诊的签约患者提供优先接诊、优先检查、优先住院等服务");
    }

    @ParameterizedTest(name = "{0} of {1} is open to others: {2}")
    @CsvSource({"0, 10, 0", "25, 10, 2", "50, 5, 2", "100, 7, 7"})
    void theOpenShareIsRoundedDownSoThePriorityGroupKeepsTheRest(int percent, int reserved, int open) {
        assertThat(new ReservePolicy.ContractedFirst(percent).openLimit(reserved)).isEqualTo(open);
    }

    @ParameterizedTest(name = "patient contracted with {0}, referred by {1} -> {2}")
    @CsvSource({"na-shijing, na-shijing, true", "na-shijing, na-county-hospital, false", ", na-shijing, false"})
    void referredByTheContractedPrimaryMeansTheReferringInstitutionIsTheContractedOne(String contracted, String from,
                                                                                     boolean expected) {
        InstitutionId contractedWith = contracted == null ? null : new InstitutionId(contracted);
        assertThat(ReservePolicies.referredByContractedPrimary(contractedWith, new InstitutionId(from)))
                .isEqualTo(expected);
    }
}
