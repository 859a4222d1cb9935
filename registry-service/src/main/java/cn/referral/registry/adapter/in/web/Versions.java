package cn.referral.registry.adapter.in.web;

import java.net.URI;

import org.springframework.http.ResponseEntity;

import cn.referral.registry.domain.RegistryRecord;

/**
 * Record versions on the wire: the {@code ETag} of a record is its version, and a change names the
 * version it was based on in {@code If-Match} (read by the platform's {@code IfMatch}; 412 when stale).
 */
final class Versions {

    private Versions() {
    }

    static <R> ResponseEntity<R> ok(RegistryRecord<?> record, R body) {
        return ResponseEntity.ok().eTag(Long.toString(record.version())).body(body);
    }

    /** The location is {@code path/<id>}: every registry id's {@code toString()} is the plain id. */
    static <R> ResponseEntity<R> created(String path, RegistryRecord<?> record, R body) {
        return ResponseEntity.created(URI.create(path + "/" + record.id())).eTag(Long.toString(record.version()))
                .body(body);
    }
}
