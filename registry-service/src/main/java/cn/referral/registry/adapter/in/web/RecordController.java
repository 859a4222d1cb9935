package cn.referral.registry.adapter.in.web;

import java.util.function.Function;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;

import cn.referral.platform.security.Caller;
import cn.referral.platform.web.IdParameters;
import cn.referral.platform.web.IfMatch;
import cn.referral.registry.application.port.in.RemovalUseCases;
import cn.referral.registry.domain.RegistryRecord;
import reactor.core.publisher.Mono;

/**
 * What the controller of every kind of record does alike under its path: takes the record's id from the path
 * (404 when blank or unknown), answers with the record and its version as the {@code ETag} ({@link Versions}),
 * and removes a record registered in error ({@code DELETE /{id}}, {@code If-Match} optional, 204). A controller
 * adds how its kind is created, read, revised and ended.
 *
 * @param <T> the record
 * @param <I> the type of its id
 * @param <R> the response body for one record
 */
abstract class RecordController<T extends RegistryRecord<I>, I, R> {

    private final RemovalUseCases<I> records;
    private final String path;
    private final String what;
    private final Function<String, I> idOf;

    /**
     * @param path the controller's path ({@code /institutions}, ...), where a created record is located
     * @param what the kind of record as a 404 names it ({@code Institution}, ...)
     */
    RecordController(RemovalUseCases<I> records, String path, String what, Function<String, I> idOf) {
        this.records = records;
        this.path = path;
        this.what = what;
        this.idOf = idOf;
    }

    @DeleteMapping("/{id}")
    Mono<ResponseEntity<Void>> remove(Caller caller, @PathVariable String id,
                                      @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch) {
        return Mono.defer(() -> records.remove(caller, id(id), IfMatch.optional(ifMatch)))
                .thenReturn(ResponseEntity.noContent().build());
    }

    /** The response body for {@code record}. */
    abstract R response(T record);

    /** 200 with the record, its version as the {@code ETag}. */
    final ResponseEntity<R> ok(T record) {
        return Versions.ok(record, response(record));
    }

    /** 201 with the record, located under the controller's path, its version as the {@code ETag}. */
    final ResponseEntity<R> created(T record) {
        return Versions.created(path, record, response(record));
    }

    /** The id a path segment names; 404 when it is blank. */
    final I id(String id) {
        return IdParameters.inPath(what, id, idOf);
    }
}
