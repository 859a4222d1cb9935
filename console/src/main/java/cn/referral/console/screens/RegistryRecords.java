package cn.referral.console.screens;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
 * remembered for a while ({@code console.registry-names-ttl}, by the console's clock): the screens name the same few
 * again and again, and the registry changes them rarely, but a rename, a new level or a practitioner's new title
 * shows once the remembered record is that old, without restarting the console. At most
 * {@value #REMEMBERED_AT_MOST} records of one kind are remembered; a record read while that many are remembered and
 * none has expired is read again next time. An id the registry does not answer for (unknown to it, or the registry
 * not reachable) is what {@code unknown} makes of the id alone, is not remembered, and never fails the screen.
 *
 * @param <T> the record as the screens use it
 */
final class RegistryRecords<T> {

    /**
     * The most records of one kind remembered at once: far more than the institutions and family doctors a county's
     * screens name, and a bound on what a stream of distinct ids can make the console keep.
     */
    static final int REMEMBERED_AT_MOST = 2_000;

    /** A record as read, and the instant from which it is read again. */
    private record Remembered<T>(T record, Instant readAgainAt) {
    }

    private final GatewayClient gateway;
    private final String path;
    private final BiFunction<String, JsonNode, T> read;
    private final Function<String, T> unknown;
    private final Clock clock;
    private final Duration rememberedFor;
    private final Map<String, Remembered<T>> known = new ConcurrentHashMap<>();

    /**
     * @param path          the registry's record by id, through the gateway ({@code /api/registry/institutions/{id}})
     * @param read          the record from its id and the registry's answer
     * @param unknown       the record from its id alone, for an id the registry does not answer for
     * @param rememberedFor how long a record read is remembered ({@code console.registry-names-ttl})
     */
    RegistryRecords(GatewayClient gateway, String path, BiFunction<String, JsonNode, T> read,
                    Function<String, T> unknown, Clock clock, Duration rememberedFor) {
        this.gateway = gateway;
        this.path = path;
        this.read = read;
        this.unknown = unknown;
        this.clock = clock;
        this.rememberedFor = rememberedFor;
    }

    /** The record of {@code id}; a blank id is unknown without asking the registry. */
    Mono<T> find(String token, String id) {
        if (id == null || id.isBlank()) {
            return Mono.just(unknown.apply(id));
        }
        Remembered<T> remembered = known.get(id);
        if (remembered != null && clock.instant().isBefore(remembered.readAgainAt())) {
            return Mono.just(remembered.record());
        }
        return gateway.get(token, path, id)
                .map(record -> read.apply(id, record))
                .doOnNext(record -> remember(id, record))
                .onErrorResume(error -> Mono.just(unknown.apply(id)));
    }

    /**
     * Remembers the record just read, in place of the one it was read again for; when {@link #REMEMBERED_AT_MOST}
     * are remembered, the expired ones are forgotten first, and if none has expired the record is not remembered.
     */
    private void remember(String id, T record) {
        Instant now = clock.instant();
        if (known.size() >= REMEMBERED_AT_MOST && !known.containsKey(id)) {
            known.values().removeIf(remembered -> !now.isBefore(remembered.readAgainAt()));
            if (known.size() >= REMEMBERED_AT_MOST) {
                return;
            }
        }
        known.put(id, new Remembered<>(record, now.plus(rememberedFor)));
    }

    /** The records of these ids by id, read in parallel; null and blank ids are left out. */
    Mono<Map<String, T>> findAll(String token, Collection<String> ids) {
        return Flux.fromIterable(ids.stream().filter(Objects::nonNull).filter(id -> !id.isBlank()).distinct()
                        .toList())
                .flatMap(id -> find(token, id).map(record -> Map.entry(id, record)))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }
}
