package cn.referral.console.screens;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class IdentityNumberCheckTest {

    /** GB 11643 example: 11010519491231002X (check character X). */
    private static final String VALID = "11010519491231002X";

    @Test
    void acceptsANumberWithItsCheckCharacterAndReadsBirthDateAndGender() {
        assertThat(IdentityNumberCheck.valid(VALID)).isTrue();
        assertThat(IdentityNumberCheck.valid(IdentityNumberCheck.normalise(" 11010519491231002x "))).isTrue();
        assertThat(IdentityNumberCheck.birthDate(VALID)).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(IdentityNumberCheck.gender(VALID)).isEqualTo("FEMALE");
    }

    @Test
    void refusesAWrongCheckCharacterAnImpossibleBirthDateAndAWrongLength() {
        assertThat(IdentityNumberCheck.valid("110105194912310021")).isFalse();
        assertThat(IdentityNumberCheck.valid("110105194902300029")).as("30 February").isFalse();
        assertThat(IdentityNumberCheck.valid("11010519491231002")).isFalse();
    }

    @Test
    void showsOnlyTheLastFourCharacters() {
        assertThat(IdentityNumberCheck.masked(VALID)).isEqualTo("**************002X").doesNotContain("19491231");
    }
}
