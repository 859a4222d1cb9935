package cn.referral.registry.adapter.in.web;

import java.util.function.Function;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;

import cn.referral.platform.security.Caller;
import cn.referral.platform.web.IfMatch;
import cn.referral.registry.application.port.in.RecordUseCases;
import cn.referral.registry.domain.RegistryRecord;
import reactor.core.publisher.Mono;

/**
 * The endpoints institutions, alliances, catalogs and practitioners offer alike, besides removal
 * ({@link RecordController}): read one ({@code GET /{id}}) and deactivate it ({@code POST /{id}/deactivation},
 * {@code If-Match} optional).
 *
 * @param <T> the record
 * @param <I> the type of its id
 * @param <R> the response body for one record
 */
abstract class DeactivatableRecordController<T extends RegistryRecord<I>, I, R> extends RecordController<T, I, R> {

    private final RecordUseCases<T, I> records;

    DeactivatableRecordController(RecordUseCases<T, I> records, String path, String what, Function<String, I> idOf) {
        super(records, path, what, idOf);
        this.records = records;
    }

    @GetMapping("/{id}")
    Mono<ResponseEntity<R>> find(@PathVariable String id) {
        return records.find(id(id))
                .map(this::ok);
    }

    @PostMapping("/{id}/deactivation")
    Mono<ResponseEntity<R>> deactivate(Caller caller, @PathVariable String id,
                                       @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch) {
        return Mono.defer(() -> records.deactivate(caller, id(id), IfMatch.optional(ifMatch)))
                .map(this::ok);
    }
}
