package cn.referral.devstack;

import java.nio.ByteBuffer;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * How the stand-in writes a collection's documents into its file: as BSON, the form they came in.
 *
 * <p>mongo-java-server's H2 backend leaves a collection's documents to H2's {@link ObjectDataType}, which
 * writes an object it does not know by Java serialization: every change of a document wrote its whole
 * page that way, and a page read back from the file was deserialized the same way. Profiled under the
 * bench's load (JFR), that was about a third of the stand-in's CPU. A document is now written as a tag H2
 * never uses ({@value #BSON}), its length and its BSON bytes; a value written by an earlier stand-in (Java
 * serialization, or any of H2's own tags) is still read as before, and a document BSON cannot hold (never
 * seen: it holds what came over the wire) is still written the old way.
 *
 * <p>The store writes a document while other clients go on working, from its commit (background writer or
 * the thread that filled its buffer), so a document must not change once it is in the store: with
 * mongo-java-server's in-place updates it did, and writing BSON of a changing document threw a
 * {@code ConcurrentModificationException} that closed the store. {@code NarrowingCollection.createQueryResult}
 * hands every query copies, so an update changes its copy and puts that in.
 */
final class StandInDocumentType extends ObjectDataType {

    /** Above the highest tag {@code ObjectDataType} writes (119, a byte array of length 15). */
    static final byte BSON = (byte) 0xB5;

    /** What H2's page cache counts for a document: its average BSON size times the object overhead. */
    private volatile int averageBytes = 512;

    @Override
    public void write(WriteBuffer buff, Object obj) {
        if (obj instanceof Document document) {
            ByteBuf bson = Unpooled.buffer(averageBytes + 64);
            try {
                BsonEncoder.encodeDocument(document, bson);
            } catch (IllegalArgumentException notBson) {
                super.write(buff, obj);
                return;
            }
            int length = bson.readableBytes();
            averageBytes = (averageBytes * 15 + length) / 16;
            buff.put(BSON).putVarInt(length).put(bson.array(), bson.arrayOffset() + bson.readerIndex(), length);
            return;
        }
        super.write(buff, obj);
    }

    @Override
    public Object read(ByteBuffer buff) {
        if (buff.get(buff.position()) != BSON) {
            return super.read(buff);
        }
        buff.get();
        byte[] bson = new byte[DataUtils.readVarInt(buff)];
        buff.get(bson);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
    }

    @Override
    public int getMemory(Object obj) {
        return obj instanceof Document ? averageBytes * 4 : super.getMemory(obj);
    }
}
