package cn.referral.gateway.edge;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;

import cn.referral.platform.events.CloudEventHeaders;
import cn.referral.platform.events.TraceContext;
import reactor.core.publisher.Mono;

/** The services continue the gateway's trace, so one id follows a request through every log. */
class TraceparentFilter implements GlobalFilter, Ordered {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return TraceContext.current().flatMap(trace -> chain.filter(exchange.mutate()
                .request(request -> request.headers(headers ->
                        headers.set(CloudEventHeaders.TRACEPARENT, trace.child().header())))
                .build()));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
