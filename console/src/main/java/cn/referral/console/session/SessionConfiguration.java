package cn.referral.console.session;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.session.config.annotation.web.server.EnableSpringWebSession;
import org.springframework.web.server.session.CookieWebSessionIdResolver;
import org.springframework.web.server.session.WebSessionIdResolver;

/** WebSessions stored in MongoDB, behind an HttpOnly, SameSite=Lax cookie. */
@Configuration(proxyBeanMethods = false)
@EnableSpringWebSession
class SessionConfiguration {

    @Bean
    MongoSessionRepository reactiveSessionRepository(ReactiveMongoTemplate mongo,
                                                     @Value("${console.session-timeout:8h}") Duration timeout,
                                                     Clock clock) {
        return new MongoSessionRepository(mongo, timeout, clock);
    }

    @Bean
    WebSessionIdResolver webSessionIdResolver(@Value("${console.secure-cookie:false}") boolean secure) {
        CookieWebSessionIdResolver resolver = new CookieWebSessionIdResolver();
        resolver.setCookieName("CONSOLE_SESSION");
        resolver.addCookieInitializer(cookie -> cookie.httpOnly(true).sameSite("Lax").secure(secure));
        return resolver;
    }
}
