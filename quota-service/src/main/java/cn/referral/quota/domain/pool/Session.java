package cn.referral.quota.domain.pool;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/** The part of a day a pool covers. Beds and all-day examinations start with the working day. */
public enum Session {
    MORNING(LocalTime.of(8, 0)),
    AFTERNOON(LocalTime.of(13, 30)),
    ALL_DAY(LocalTime.of(8, 0));

    private final LocalTime start;

    Session(LocalTime start) {
        this.start = start;
    }

    public Instant startsAt(LocalDate date, ZoneId zone) {
        return date.atTime(start).atZone(zone).toInstant();
    }
}
