package cn.referral.console.screens;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.springframework.web.server.ServerWebExchange;

import cn.referral.console.signin.Credentials;
import cn.referral.console.signin.SignedIn;
import reactor.core.publisher.Mono;

/**
 * What screens read alike: the credentials a screen acts with (none means the user must sign in again) and the
 * day it shows.
 */
final class Screen {

    private Screen() {
    }

    static Mono<Credentials> credentials(SignedIn signedIn, ServerWebExchange exchange) {
        return signedIn.credentials(exchange).switchIfEmpty(Mono.error(NoCredentials::new));
    }

    /** The day a screen was asked for ({@code ?day=2026-11-25}); today when none or not a date. */
    static LocalDate day(String day, Clock clock) {
        try {
            return day == null || day.isBlank() ? LocalDate.now(clock) : LocalDate.parse(day);
        } catch (DateTimeParseException e) {
            return LocalDate.now(clock);
        }
    }
}
