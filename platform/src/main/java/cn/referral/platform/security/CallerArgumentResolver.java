package cn.referral.platform.security;

import org.springframework.core.MethodParameter;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.server.ServerWebExchange;

import cn.referral.platform.web.ProblemException;
import reactor.core.publisher.Mono;

/** Lets a controller method declare a {@link Caller} parameter. */
public class CallerArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return Caller.class.equals(parameter.getParameterType());
    }

    @Override
    public Mono<Object> resolveArgument(MethodParameter parameter, BindingContext bindingContext,
                                        ServerWebExchange exchange) {
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(context -> context.getAuthentication() == null ? null
                        : context.getAuthentication().getPrincipal())
                .filter(Jwt.class::isInstance)
                .map(principal -> (Object) JwtCallers.caller((Jwt) principal))
                .switchIfEmpty(Mono.error(() -> new ProblemException(org.springframework.http.HttpStatus.UNAUTHORIZED,
                        cn.referral.platform.web.ProblemTypes.UNAUTHORIZED, "Unauthorized", "A bearer token is required")));
    }
}
