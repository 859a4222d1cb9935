package cn.referral.console.signin;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;

import reactor.core.publisher.Mono;

/**
 * The signed-in user's credentials, kept server-side only: in the WebSession after the development
 * sign-in, or in the OAuth2 authorized client (refreshed when it expires) after an OIDC sign-in.
 * The token never reaches the browser.
 */
@Component
public class SignedIn {

    static final String TOKEN = "console.token";
    static final String USER = "console.user";

    private final ObjectProvider<ReactiveOAuth2AuthorizedClientManager> clients;

    public SignedIn(ObjectProvider<ReactiveOAuth2AuthorizedClientManager> clients) {
        this.clients = clients;
    }

    public Mono<Credentials> credentials(ServerWebExchange exchange) {
        return exchange.getSession().flatMap(session -> {
            String token = session.getAttribute(TOKEN);
            ConsoleUser user = session.getAttribute(USER);
            if (token != null && user != null) {
                return Mono.just(new Credentials(user, token));
            }
            return oidc(exchange);
        });
    }

    static void remember(WebSession session, ConsoleUser user, String token) {
        session.getAttributes().put(USER, user);
        session.getAttributes().put(TOKEN, token);
    }

    private Mono<Credentials> oidc(ServerWebExchange exchange) {
        ReactiveOAuth2AuthorizedClientManager manager = clients.getIfAvailable();
        if (manager == null) {
            return Mono.empty();
        }
        return exchange.getPrincipal()
                .ofType(OAuth2AuthenticationToken.class)
                .flatMap(authentication -> manager.authorize(OAuth2AuthorizeRequest
                        .withClientRegistrationId(authentication.getAuthorizedClientRegistrationId())
                        .principal(authentication)
                        .attribute(ServerWebExchange.class.getName(), exchange)
                        .build()))
                .map(client -> client.getAccessToken().getTokenValue())
                .map(token -> new Credentials(TokenClaims.user(token), token));
    }
}
