package cn.referral.console.screens;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

import cn.referral.console.config.WebConfiguration;

/** Formatting for templates ({@code @formats}): yuan from fen, China time, minutes left until a deadline. */
@Component("formats")
public class Formats {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(WebConfiguration.CHINA);

    private final Clock clock;

    public Formats(Clock clock) {
        this.clock = clock;
    }

    /** 80000 fen → "800.00" (integer arithmetic, never a double). */
    public String yuan(Object fen) {
        if (fen == null || fen.toString().isBlank()) {
            return "—";
        }
        return new BigDecimal(fen.toString()).movePointLeft(2).setScale(2).toPlainString();
    }

    public String time(Object instant) {
        if (instant == null || instant.toString().isBlank() || "null".equals(instant.toString())) {
            return "—";
        }
        return TIME.format(Instant.parse(instant.toString()));
    }

    /** Whole minutes from now until the instant; negative once it has passed. */
    public long minutesLeft(Object instant) {
        if (instant == null || instant.toString().isBlank()) {
            return 0;
        }
        return Duration.between(clock.instant(), Instant.parse(instant.toString())).toMinutes();
    }

    public String shortId(Object id) {
        String text = id == null ? "" : id.toString();
        return text.length() <= 8 ? text : text.substring(0, 8);
    }
}
