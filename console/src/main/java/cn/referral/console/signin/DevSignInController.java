package cn.referral.console.signin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;

import cn.referral.console.config.ConsoleProperties;
import cn.referral.console.config.ConsoleProperties.DemoUser;
import cn.referral.console.gateway.GatewayClient;
import reactor.core.publisher.Mono;

/**
 * Development sign-in (run-local only, {@code console.sign-in=DEV}): pick one of the demo people;
 * the console asks the gateway's local issuer ({@code POST /auth/dev-token}) for their token and
 * keeps it in the server-side session. Outside DEV this page sends the user to the OIDC provider.
 */
@Controller
class DevSignInController {

    static final String OIDC_START = "/oauth2/authorization/keycloak";

    private final ConsoleProperties properties;
    private final GatewayClient gateway;
    private final ServerSecurityContextRepository contexts;

    DevSignInController(ConsoleProperties properties, GatewayClient gateway, ServerSecurityContextRepository contexts) {
        this.properties = properties;
        this.gateway = gateway;
        this.contexts = contexts;
    }

    @GetMapping("/sign-in")
    String page(@RequestParam(name = "signedOut", required = false) String signedOut, Model model) {
        if (properties.signIn() != ConsoleProperties.SignIn.DEV) {
            return "redirect:" + OIDC_START;
        }
        model.addAttribute("demoUsers", properties.demoUsers());
        model.addAttribute("signedOut", signedOut != null);
        return "sign-in";
    }

    @PostMapping("/sign-in")
    Mono<String> signIn(ServerWebExchange exchange, Model model) {
        if (properties.signIn() != ConsoleProperties.SignIn.DEV) {
            return Mono.just("redirect:" + OIDC_START);
        }
        return exchange.getFormData().flatMap(form -> {
            String key = form.getFirst("user");
            DemoUser demo = properties.demoUsers().stream().filter(user -> user.key().equals(key)).findFirst()
                    .orElse(null);
            if (demo == null) {
                exchange.getResponse().setStatusCode(HttpStatus.BAD_REQUEST);
                model.addAttribute("demoUsers", properties.demoUsers());
                model.addAttribute("error", "signin.choose");
                return Mono.just("sign-in");
            }
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("subject", demo.subject());
            request.put("roles", List.of(demo.role()));
            request.put("institutionId", demo.institutionId());
            request.put("regionCode", demo.regionCode());
            request.put("ttlMinutes", 480);
            return gateway.post(null, "/auth/dev-token", request, null, null)
                    .map(answer -> answer.body().path("access_token").asString())
                    .flatMap(token -> exchange.getSession()
                            .flatMap(session -> session.changeSessionId().then(Mono.fromRunnable(() ->
                                    SignedIn.remember(session, new ConsoleUser(demo.subject(), List.of(demo.role()),
                                            demo.institutionId(), demo.regionCode(), demo.label()), token))))
                            .then(contexts.save(exchange, new SecurityContextImpl(
                                    UsernamePasswordAuthenticationToken.authenticated(demo.subject(), null,
                                            List.of(new SimpleGrantedAuthority("ROLE_" + demo.role())))))))
                    .thenReturn("redirect:/");
        });
    }
}
