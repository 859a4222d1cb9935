package cn.referral.console.screens;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;

import cn.referral.console.gateway.GatewayClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Records of one kind the registry keeps (institutions, practitioners), read by id through the gateway and
 * remembered: the screens name the same few again and again, and the registry changes them rarely. An id the
 * registry does not answer for (unknown to it, or the registry not reachable) is what {@code unknown} makes of the
 * id alone, is not remembered, and never fails the screen.
 *
 * @param <T> the record as the screens use it
 */
final class RegistryRecords<T> {

    private final GatewayClient gateway;
    private final String path;
    private final BiFunction<String, JsonNode, T> read;
    private final Function<String, T> unknown;
    private final Map<String, T> known = new ConcurrentHashMap<>();

    /**
     * @param path    the registry's record by id, through the gateway ({@code /api/registry/institutions/{id}})
     * @param read    the record from its id and the registry's answer
     * @param unknown the record from its id alone, for an id the registry does not answer for
     */
    RegistryRecords(GatewayClient gateway, String path, BiFunction<String, JsonNode, T> read,
                    Function<String, T> unknown) {
        this.gateway = gateway;
        this.path = path;
        this.read = read;
        this.unknown = unknown;
    }

    /** The record of {@code id}; a blank id is unknown without asking the registry. */
    Mono<T> find(String token, String id) {
        if (id == null || id.isBlank()) {
            return Mono.just(unknown.apply(id));
        }
        T remembered = known.get(id);
        if (remembered != null) {
            return Mono.just(remembered);
        }
        return gateway.get(token, path, id)
                .map(record -> read.apply(id, record))
                .doOnNext(record -> known.put(id, record))
                .onErrorResume(error -> Mono.just(unknown.apply(id)));
    }

    /** The records of these ids by id, read in parallel; null and blank ids are left out. */
    Mono<Map<String, T>> findAll(String token, Collection<String> ids) {
        return Flux.fromIterable(ids.stream().filter(Objects::nonNull).filter(id -> !id.isBlank()).distinct()
                        .toList())
                .flatMap(id -> find(token, id).map(record -> Map.entry(id, record)))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }
}
