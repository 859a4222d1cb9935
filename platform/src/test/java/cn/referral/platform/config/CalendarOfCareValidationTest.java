package cn.referral.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import jakarta.validation.Configuration;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.PastOrPresent;

class CalendarOfCareValidationTest {

    record Episode(@PastOrPresent LocalDate admissionDate) {
    }

    /** 00:30 on 26 November in Shanghai is still 25 November on a UTC server. */
    private final Clock utcServerClock = Clock.fixed(Instant.parse("2026-11-25T16:30:00Z"), ZoneOffset.UTC);

    @Test
    void todayIsTheDayInChinaNotOnTheServer() {
        Configuration<?> configuration = Validation.byDefaultProvider().configure();
        new PlatformAutoConfiguration().calendarOfCareForValidation(utcServerClock, ZoneId.of("Asia/Shanghai"))
                .customize(configuration);
        Validator validator = configuration.buildValidatorFactory().getValidator();

        assertThat(validator.validate(new Episode(LocalDate.parse("2026-11-26")))).as("admitted today, in Shanghai")
                .isEmpty();
        assertThat(validator.validate(new Episode(LocalDate.parse("2026-11-27")))).as("tomorrow").hasSize(1);
    }
}
