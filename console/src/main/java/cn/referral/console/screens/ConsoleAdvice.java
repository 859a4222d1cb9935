package cn.referral.console.screens;

import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.security.web.reactive.result.view.CsrfRequestDataValueProcessor;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;

import cn.referral.console.gateway.GatewayProblem;
import cn.referral.console.signin.ConsoleUser;
import cn.referral.console.signin.Credentials;
import cn.referral.console.signin.SignedIn;
import reactor.core.publisher.Mono;

/**
 * What every page has: the signed-in user, the CSRF token (Thymeleaf puts it into every form), and
 * one way to show a problem the gateway answered with when a page could not be built.
 */
@ControllerAdvice
class ConsoleAdvice {

    private final SignedIn signedIn;
    private final ProblemMessages problems;

    ConsoleAdvice(SignedIn signedIn, ProblemMessages problems) {
        this.signedIn = signedIn;
        this.problems = problems;
    }

    @ModelAttribute("me")
    Mono<ConsoleUser> me(ServerWebExchange exchange) {
        return signedIn.credentials(exchange).map(Credentials::user);
    }

    /**
     * Resolves the CSRF token and leaves it where Spring Security's {@code CsrfRequestDataValueProcessor}
     * looks, so Thymeleaf adds it to every form; the layout also puts it in a meta tag for htmx.
     */
    @ModelAttribute("_csrf")
    Mono<CsrfToken> csrf(ServerWebExchange exchange) {
        Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
        return token == null ? Mono.empty() : token.doOnSuccess(resolved -> {
            if (resolved != null) {
                exchange.getAttributes().put(CsrfRequestDataValueProcessor.DEFAULT_CSRF_ATTR_NAME, resolved);
            }
        });
    }

    @ModelAttribute("path")
    String path(ServerWebExchange exchange) {
        return exchange.getRequest().getPath().pathWithinApplication().value();
    }

    /** A page whose data the gateway refused: another institution's referral is "not found", as the API says. */
    @ExceptionHandler(GatewayProblem.class)
    String problem(GatewayProblem problem, ServerWebExchange exchange, Model model, Locale locale) {
        if (problem.status() == 401) {
            return "redirect:/sign-in";
        }
        exchange.getResponse().setStatusCode(HttpStatus.valueOf(problem.status()));
        problems.show(problem, model, locale);
        return "problem";
    }

    @ExceptionHandler(NoCredentials.class)
    String signIn() {
        return "redirect:/sign-in";
    }
}
