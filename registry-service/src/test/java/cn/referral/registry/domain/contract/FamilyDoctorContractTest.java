package cn.referral.registry.domain.contract;

import static cn.referral.registry.domain.Fixtures.NOW;
import static cn.referral.registry.domain.Fixtures.TODAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import cn.referral.platform.domain.ContractId;
import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.domain.PractitionerId;
import cn.referral.registry.domain.RegistryRuleViolation;

class FamilyDoctorContractTest {

    @Test
    void aContractCountsFromItsFirstDayUntilBeforeItsLastAndNotOnceTerminated() {
        ContractTerms oneYear = new ContractTerms(new InstitutionId("chc"), null, null, new PractitionerId("gp"), TODAY,
                TODAY.plusYears(1));
        FamilyDoctorContract contract = FamilyDoctorContract.sign(new ContractId("k"), "ref", "**************123X",
                oneYear, NOW).state();

        assertThat(contract.isValidOn(TODAY)).isTrue();
        assertThat(contract.isValidOn(TODAY.minusDays(1))).isFalse();
        assertThat(contract.isValidOn(TODAY.plusYears(1))).isFalse();
        assertThat(contract.terminate(NOW).state().isValidOn(TODAY)).isFalse();
        assertThatThrownBy(() -> FamilyDoctorContract.sign(new ContractId("k"), "ref", null,
                new ContractTerms(new InstitutionId("chc"), null, null, new PractitionerId("gp"), TODAY, TODAY), NOW))
                .isInstanceOf(RegistryRuleViolation.class);
    }
}
