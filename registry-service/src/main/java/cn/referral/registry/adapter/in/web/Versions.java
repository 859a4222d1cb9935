package cn.referral.registry.adapter.in.web;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import cn.referral.platform.web.ProblemException;
import cn.referral.platform.web.ProblemTypes;
import cn.referral.registry.domain.RegistryRecord;

/**
 * Record versions on the wire: the {@code ETag} of a record is its version, and a change names the
 * version it was based on in {@code If-Match} (412 when stale).
 */
final class Versions {

    static final String IF_MATCH = "If-Match";
    private static final Pattern ETAG = Pattern.compile("(?:W/)?\"?(\\d{1,18})\"?");

    private Versions() {
    }

    /** The version named in {@code If-Match}, or null when there is none. */
    static Long optional(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        Matcher matcher = ETAG.matcher(ifMatch.strip());
        if (!matcher.matches()) {
            throw ProblemException.invalidField(IF_MATCH, "must be the ETag of the version you read, e.g. \"3\"");
        }
        return Long.parseLong(matcher.group(1));
    }

    /** Replacing a record's details needs the version they were based on: 428 without it. */
    static long required(String ifMatch) {
        Long version = optional(ifMatch);
        if (version == null) {
            throw new ProblemException(HttpStatus.PRECONDITION_REQUIRED, ProblemTypes.of("precondition-required"),
                    "If-Match required", "Send If-Match with the ETag of the version you read, so that no "
                    + "concurrent change is overwritten");
        }
        return version;
    }

    static <R> ResponseEntity<R> ok(RegistryRecord record, R body) {
        return ResponseEntity.ok().eTag(Long.toString(record.version())).body(body);
    }

    static <R> ResponseEntity<R> created(String path, RegistryRecord record, R body) {
        return ResponseEntity.created(URI.create(path + "/" + record.id())).eTag(Long.toString(record.version()))
                .body(body);
    }
}
