package cn.referral.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import cn.referral.platform.crypto.IdentityNumbers;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.NotBlank;

/**
 * The identity number check both registry (contracts) and referral (referred patients) use: a wrong
 * check character is refused without echoing the number; a blank required number gets one error, the
 * blank one, not a second about the check character.
 */
class ResidentIdentityNumberTest {

    private static final String VALID = "33030219600301002" + IdentityNumbers.checkCharacter("33030219600301002");

    record Patient(@NotBlank @ResidentIdentityNumber String idNumber) {
    }

    record MaybeNumber(@ResidentIdentityNumber String idNumber) {
    }

    private static ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void validator() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    @Test
    void aNumberWithTheRightCheckCharacterPasses() {
        assertThat(validator.validate(new Patient(VALID))).isEmpty();
    }

    @Test
    void aWrongCheckCharacterIsRefusedWithoutRepeatingTheNumber() {
        String wrong = VALID.substring(0, 17) + (VALID.charAt(17) == '0' ? '1' : '0');

        Set<ConstraintViolation<Patient>> violations = validator.validate(new Patient(wrong));

        assertThat(violations).singleElement().satisfies(violation -> {
            assertThat(violation.getMessage()).contains("GB 11643").doesNotContain(wrong);
            assertThat(violation.getPropertyPath()).hasToString("idNumber");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void aBlankRequiredNumberGetsOneErrorThatSaysItIsBlank(String blank) {
        Set<ConstraintViolation<Patient>> violations = validator.validate(new Patient(blank));

        assertThat(violations).singleElement().satisfies(violation -> assertThat(violation.getConstraintDescriptor()
                .getAnnotation()).isInstanceOf(NotBlank.class));
    }

    @Test
    void anAbsentOptionalNumberPasses() {
        assertThat(validator.validate(new MaybeNumber(null))).isEmpty();
        assertThat(validator.validate(new MaybeNumber(""))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"3303021960030100", "33030219600301002A", "3303021960030100211"})
    void aNumberOfTheWrongShapeIsRefused(String wrong) {
        assertThat(validator.validate(new MaybeNumber(wrong))).hasSize(1);
    }
}
