package cn.referral.platform.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import cn.referral.platform.crypto.IdentityNumbers;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A resident identity number (公民身份号码) with a correct GB 11643 check character. The message never
 * repeats the value. Like every constraint but {@code @NotNull}/{@code @NotBlank}, it leaves absence to
 * them: null and blank pass here, so a blank required number gets one error ("must not be blank"), not two.
 */
@Documented
@Constraint(validatedBy = ResidentIdentityNumber.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface ResidentIdentityNumber {

    String message() default "must be an 18-character resident identity number with a valid GB 11643 check character";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ResidentIdentityNumber, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.isBlank() || IdentityNumbers.isValid(value);
        }
    }
}
