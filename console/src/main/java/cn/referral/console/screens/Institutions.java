package cn.referral.console.screens;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import cn.referral.console.gateway.GatewayClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Institution names for ids shown on screens, read from the registry through the gateway and remembered. */
@Component
class Institutions {

    private final GatewayClient gateway;
    private final Map<String, String> names = new ConcurrentHashMap<>();

    Institutions(GatewayClient gateway) {
        this.gateway = gateway;
    }

    Mono<Map<String, String>> names(String token, Collection<String> ids) {
        return Flux.fromIterable(ids.stream().filter(Objects::nonNull).filter(id -> !id.isBlank()).distinct()
                        .toList())
                .flatMap(id -> name(token, id).map(name -> Map.entry(id, name)))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    Mono<String> name(String token, String id) {
        String known = names.get(id);
        if (known != null) {
            return Mono.just(known);
        }
        return gateway.get(token, "/api/registry/institutions/{id}", id)
                .map(institution -> institution.path("name").asString(id))
                .doOnNext(name -> names.put(id, name))
                .onErrorReturn(id);
    }
}
