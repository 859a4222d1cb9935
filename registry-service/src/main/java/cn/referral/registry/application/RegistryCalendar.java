package cn.referral.registry.application;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** Catalog effective dates and contract validity are calendar days in China Standard Time. */
final class RegistryCalendar {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private RegistryCalendar() {
    }

    static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(CHINA));
    }
}
