package cn.referral.referral.domain.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.referral.platform.domain.ContractId;
import cn.referral.platform.domain.InstitutionId;
import cn.referral.referral.domain.network.FamilyDoctorContract;

/** Issue 13 item 6, the desks' side: who is received first within an urgency (seed 001, listed regions only). */
class ContractedFirstReceptionTest {

    private static final LocalDate DAY = LocalDate.parse("2026-11-26");
    private static final ContractedFirstReception JILIN = new ContractedFirstReception(Set.of("220000"));

    @ParameterizedTest(name = "contract with {0} (valid {1}), referred by {2}, received in {3} -> first: {4}")
    @CsvSource({
            // primary, valid, referring institution, receiving region, received first
            "jl-centre, true,  jl-centre,   220202, true",  // a county of Jilin City: the province is listed
            "jl-centre, true,  jl-centre,   220000, true",
            "jl-centre, true,  jl-hospital, 220202, false", // contracted, but referred by another institution
            "jl-centre, false, jl-centre,   220202, false", // the contract is not in force
            ",          true,  jl-centre,   220202, false", // no contract at all
            "na-centre, true,  na-centre,   350583, false", // Nan'an: seed 002 says no such thing, not listed
            "jl-centre, true,  jl-centre,   '',     false",
    })
    void onlyAContractedPatientReferredByTheirOwnPrimaryInstitutionToAListedRegion(String primary, boolean valid,
            String from, String toRegion, boolean expected) {
        FamilyDoctorContract contract = primary == null ? null : new FamilyDoctorContract(new ContractId("c-1"),
                "p-1", new InstitutionId(primary), new InstitutionId("district"), new InstitutionId("city"), "dr-1",
                LocalDate.parse("2020-01-01"), LocalDate.parse("2099-12-31"), valid, 1);

        assertThat(JILIN.receivesFirst(contract, DAY, new InstitutionId(from), toRegion)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "listed {0}, region {1} -> {2}")
    @CsvSource({
            "220000, 220202, true",  // province covers its counties
            "220200, 220202, true",  // city covers its counties
            "220202, 220202, true",
            "220202, 220203, false", // a county covers only itself
            "220200, 220102, false", // another city of the province
            "220000, 350583, false",
    })
    void aListedCodeCoversItsCitiesAndCounties(String listed, String region, boolean expected) {
        assertThat(new ContractedFirstReception(Set.of(listed)).listed(region)).isEqualTo(expected);
    }

    @Test
    void nothingListedByDefaultSoSubmissionOrderHoldsEverywhere() {
        FamilyDoctorContract contract = new FamilyDoctorContract(new ContractId("c-1"), "p-1",
                new InstitutionId("jl-centre"), null, null, null, null, null, true, 1);

        assertThat(ContractedFirstReception.nowhere().receivesFirst(contract, DAY, new InstitutionId("jl-centre"),
                "220202")).isFalse();
    }

    @Test
    void quotesSeed001() {
        assertThat(JILIN.basis()).startsWith("001:").contains("对经基层医生转诊的签约患者提供优先接诊、优先检查、优先住院等服务");
    }
}
