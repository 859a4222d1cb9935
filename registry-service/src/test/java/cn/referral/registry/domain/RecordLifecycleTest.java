package cn.referral.registry.domain;

import static cn.referral.registry.domain.Fixtures.NOW;
import static cn.referral.registry.domain.Fixtures.TODAY;
import static cn.referral.registry.domain.Fixtures.aCatalog;
import static cn.referral.registry.domain.Fixtures.aCommunityCentre;
import static cn.referral.registry.domain.Fixtures.aSpecialtyAlliance;
import static cn.referral.registry.domain.Fixtures.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import cn.referral.platform.domain.ContractId;
import cn.referral.platform.domain.PractitionerId;
import cn.referral.registry.domain.alliance.Alliance;
import cn.referral.registry.domain.catalog.DiseaseCatalog;
import cn.referral.registry.domain.catalog.ReferralDirection;
import cn.referral.registry.domain.contract.ContractTerms;
import cn.referral.registry.domain.contract.FamilyDoctorContract;
import cn.referral.registry.domain.institution.Institution;
import cn.referral.registry.domain.institution.InstitutionLevel;

/**
 * A record ends once: deactivating an inactive institution, alliance or catalog, or terminating a terminated
 * contract, is a rule violation whose code and message name the kind of record (the 409 a client sees).
 */
class RecordLifecycleTest {

    @Test
    void anInactiveRecordIsNotDeactivatedAgain() {
        Institution institution = aCommunityCentre("nanhui").deactivate(NOW).state();
        Alliance alliance = aSpecialtyAlliance("cardiology", "lead", "member").deactivate(NOW).state();
        DiseaseCatalog catalog = aCatalog("up-tertiary", ReferralDirection.UP, InstitutionLevel.TERTIARY, TODAY,
                entry("I21")).deactivate(NOW).state();

        assertEndedAlready(() -> institution.deactivate(NOW), "institution-inactive",
                "institution nanhui is already inactive");
        assertEndedAlready(() -> alliance.deactivate(NOW), "alliance-inactive",
                "alliance cardiology is already inactive");
        assertEndedAlready(() -> catalog.deactivate(NOW), "catalog-inactive",
                "catalog up-tertiary is already inactive");
    }

    @Test
    void aTerminatedContractIsNotTerminatedAgain() {
        ContractTerms terms = new ContractTerms(aCommunityCentre("chc").id(), null, null, new PractitionerId("gp"),
                TODAY, TODAY.plusYears(1));
        FamilyDoctorContract terminated = FamilyDoctorContract.sign(new ContractId("k"), "ref", null, terms, NOW)
                .state().terminate(NOW).state();

        assertEndedAlready(() -> terminated.terminate(NOW), "contract-terminated",
                "contract k is already terminated");
    }

    private static void assertEndedAlready(ThrowingCallable ending, String code, String message) {
        assertThatThrownBy(ending).isInstanceOfSatisfying(RegistryRuleViolation.class, violation -> {
            assertThat(violation.code()).isEqualTo(code);
            assertThat(violation.field()).isNull();
            assertThat(violation.getMessage()).isEqualTo(message);
        });
    }
}
