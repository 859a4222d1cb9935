package cn.referral.console.config;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.ApplicationRunner;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.http.ResponseCookie;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.i18n.LocaleContextResolver;

/** The clock, the console's time zone (China Standard Time) and its language choice. */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Bean
    Clock clock() {
        return Clock.system(CHINA);
    }

    /**
     * Each language's messages read from their file once, at startup, where before the first page in a language
     * read them on the event-loop thread that drew it (a page whose screen says something in words before its
     * template does, as the referral's verdict).
     */
    @Bean
    ApplicationRunner messagesRead(MessageSource messages) {
        return arguments -> List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)
                .forEach(language -> messages.getMessage("app.name", null, language));
    }

    /**
     * zh-CN unless the user chose English: {@code ?lang=en} (or {@code ?lang=zh}) switches and is
     * remembered in a cookie; the browser's Accept-Language is not consulted, as the staff work in Chinese.
     */
    @Bean
    LocaleContextResolver localeContextResolver() {
        return new LocaleContextResolver() {
            @Override
            public LocaleContext resolveLocaleContext(ServerWebExchange exchange) {
                String asked = exchange.getRequest().getQueryParams().getFirst("lang");
                if (asked != null) {
                    Locale chosen = "en".equalsIgnoreCase(asked) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
                    exchange.getResponse().addCookie(ResponseCookie.from("lang", chosen.toLanguageTag())
                            .path("/").httpOnly(true).sameSite("Lax").maxAge(365L * 24 * 3600).build());
                    return new SimpleLocaleContext(chosen);
                }
                var cookie = exchange.getRequest().getCookies().getFirst("lang");
                if (cookie != null && cookie.getValue().startsWith("en")) {
                    return new SimpleLocaleContext(Locale.ENGLISH);
                }
                return new SimpleLocaleContext(Locale.SIMPLIFIED_CHINESE);
            }

            @Override
            public void setLocaleContext(ServerWebExchange exchange, LocaleContext localeContext) {
                throw new UnsupportedOperationException("the language is chosen with ?lang=");
            }
        };
    }
}
