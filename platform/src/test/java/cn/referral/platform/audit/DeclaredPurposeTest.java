package cn.referral.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import cn.referral.platform.web.ProblemException;

class DeclaredPurposeTest {

    @Test
    void aCodeFromTheListIsRecordedAsIs() {
        assertThat(DeclaredPurpose.parse("REFERRAL_HANDLING", AccessPurpose.TREATMENT).recorded())
                .isEqualTo("REFERRAL_HANDLING");
        assertThat(DeclaredPurpose.parse(" settlement ", AccessPurpose.TREATMENT).code())
                .isEqualTo(AccessPurpose.SETTLEMENT);
    }

    @Test
    void aShortNoteFollowsTheCode() {
        DeclaredPurpose purpose = DeclaredPurpose.parse("TREATMENT; follow-up visit", AccessPurpose.AUDIT);

        assertThat(purpose.note()).isEqualTo("follow-up visit");
        assertThat(purpose.recorded()).isEqualTo("TREATMENT; follow-up visit");
    }

    @Test
    void noHeaderMeansTheRolesUsualPurpose() {
        assertThat(DeclaredPurpose.parse(null, AccessPurpose.AUDIT).recorded()).isEqualTo("AUDIT");
        assertThat(DeclaredPurpose.parse("  ", AccessPurpose.TREATMENT).recorded()).isEqualTo("TREATMENT");
    }

    @Test
    void freeTextIsRefusedNamingTheHeader() {
        assertThatThrownBy(() -> DeclaredPurpose.parse("triage", AccessPurpose.TREATMENT))
                .isInstanceOf(ProblemException.class).hasMessageContaining("X-Access-Purpose");
    }

    @Test
    void aLongNoteIsRefused() {
        assertThatThrownBy(() -> DeclaredPurpose.parse("TREATMENT;" + "x".repeat(5000), AccessPurpose.TREATMENT))
                .isInstanceOf(ProblemException.class).hasMessageContaining("X-Access-Purpose");
        assertThatThrownBy(() -> DeclaredPurpose.parse("TREATMENT;" + "x".repeat(201), AccessPurpose.TREATMENT))
                .isInstanceOf(ProblemException.class);
    }
}
