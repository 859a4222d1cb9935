package cn.referral.platform.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Where a sealed value belongs: the collection, the document and the field. It is the value's
 * associated data, so a sealed value copied into another document or field does not open there.
 *
 * @param collection the collection (or the event's aggregate type), e.g. {@code referrals}
 * @param documentId the document's id, e.g. the referral id
 * @param field      the field's logical name, e.g. {@code patient.idNumber}
 */
public record SealContext(String collection, String documentId, String field) {

    public SealContext {
        Objects.requireNonNull(collection, "collection");
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(field, "field");
    }

    byte[] associatedData() {
        return (collection + "/" + documentId + "#" + field).getBytes(StandardCharsets.UTF_8);
    }
}
