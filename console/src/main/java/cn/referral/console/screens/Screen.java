package cn.referral.console.screens;

import org.springframework.web.server.ServerWebExchange;

import cn.referral.console.signin.Credentials;
import cn.referral.console.signin.SignedIn;
import reactor.core.publisher.Mono;

/** The credentials a screen acts with; none means the user must sign in (again). */
final class Screen {

    private Screen() {
    }

    static Mono<Credentials> credentials(SignedIn signedIn, ServerWebExchange exchange) {
        return signedIn.credentials(exchange).switchIfEmpty(Mono.error(NoCredentials::new));
    }
}
