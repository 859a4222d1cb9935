package cn.referral.billing.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Settlement days and schedule years are counted in China Standard Time, whatever the server's zone. */
public final class SettlementDay {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private SettlementDay() {
    }

    public static LocalDate of(Instant instant) {
        return instant.atZone(CHINA).toLocalDate();
    }
}
