package cn.referral.referral.domain.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.referral.platform.domain.ContractId;
import cn.referral.platform.domain.InstitutionId;
import cn.referral.referral.domain.policy.ContractedPrimaryCare;
import cn.referral.referral.domain.referral.Direction;
import cn.referral.referral.domain.referral.ReferralRuleViolation;

/**
 * When a family-doctor contract counts (签约), read as registry-service writes it on {@code registry.contracts.v1}:
 * {@code validFrom} inclusive, {@code validUntil} exclusive (docs/event-contracts.md), the same days the registry
 * and quota count.
 */
class FamilyDoctorContractTest {

    private static final LocalDate FROM = LocalDate.parse("2025-01-01");
    private static final LocalDate UNTIL = LocalDate.parse("2026-01-01");

    @ParameterizedTest(name = "on {0}: in force {1}")
    @CsvSource({
            "2024-12-31, false", // not begun
            "2025-01-01, true",  // its first day
            "2025-12-31, true",  // its last day
            "2026-01-01, false", // validUntil: the first day it no longer runs
    })
    void countsFromItsFirstDayUpToButNotIncludingValidUntil(LocalDate day, boolean inForce) {
        assertThat(contract("c-1", FROM, UNTIL).isValidOn(day)).isEqualTo(inForce);
    }

    @Test
    void onItsValidUntilDayADownReferralNoLongerGoesToTheEndedContractsPrimaryInstitution() {
        FamilyDoctorContract ended = contract("c-1", FROM, UNTIL);

        assertThat(ContractedPrimaryCare.choose(Direction.DOWN, new InstitutionId("wz-centre"), ended, UNTIL)
                .contracted()).isFalse();
        assertThatThrownBy(() -> ContractedPrimaryCare.choose(Direction.DOWN, null, ended, UNTIL))
                .isInstanceOfSatisfying(ReferralRuleViolation.class,
                        violation -> assertThat(violation.code()).isEqualTo("target-required"));
    }

    private static FamilyDoctorContract contract(String id, LocalDate validFrom, LocalDate validUntil) {
        return new FamilyDoctorContract(new ContractId(id), "p-1", new InstitutionId("wz-centre"),
                new InstitutionId("wz-district"), new InstitutionId("wz-city"), "dr-1", validFrom, validUntil, true, 1);
    }
}
