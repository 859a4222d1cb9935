package cn.referral.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;

import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

import de.bwaldvogel.mongo.bson.Document;

/** A document goes into the file as BSON and comes back equal; values in H2's own forms still read. */
class StandInDocumentTypeTest {

    private final StandInDocumentType type = new StandInDocumentType();

    @Test
    void aDocumentIsWrittenAsTaggedBsonAndReadBackEqual() {
        Document document = new Document("_id", "r1").append("state", "SLOT_HELD").append("version", 3L)
                .append("at", Instant.parse("2026-11-26T08:00:00Z"))
                .append("holds", List.of(new Document("poolId", "p1").append("units", 1)));

        ByteBuffer written = write(type, document);

        assertThat(written.get(0)).isEqualTo(StandInDocumentType.BSON);
        assertThat(type.read(written)).isEqualTo(document);
        assertThat(written.hasRemaining()).isFalse();
    }

    @Test
    void valuesWrittenTheOldWayAreStillRead() {
        Document document = new Document("_id", "r2").append("n", 1);
        ObjectDataType earlier = new ObjectDataType();

        assertThat(type.read(write(earlier, document))).isEqualTo(document);
        assertThat(type.read(write(earlier, 42L))).isEqualTo(42L);
        assertThat(type.read(write(earlier, "text"))).isEqualTo("text");
    }

    private static ByteBuffer write(ObjectDataType type, Object value) {
        WriteBuffer buffer = new WriteBuffer();
        type.write(buffer, value);
        ByteBuffer bytes = buffer.getBuffer();
        bytes.flip();
        return bytes;
    }
}
