package cn.referral.devstack;

import java.util.Comparator;

import org.h2.mvstore.type.ObjectDataType;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;

/**
 * The order of a unique index's keys in the stand-in's file: by value, as MongoDB orders them.
 *
 * <p>mongo-java-server's H2 backend stores an index's keys ({@link KeyValue}, not {@code Comparable}) with
 * H2's {@link ObjectDataType}, which orders such objects by their Java serialization: every step of every
 * binary search serialized both keys. Profiled under the bench's load (JFR), that was a quarter of the
 * stand-in's CPU, most of it on the {@code _id} look-up of every update. This type compares the values
 * themselves; keys with the same values in another form (rare) keep the old byte order among themselves, so
 * two keys are the same entry exactly when they are equal, as in mongo-java-server's memory backend. Keys are
 * still written and read as before.
 */
final class IndexKeyType extends ObjectDataType {

    private static final Comparator<Object> VALUES = ValueComparator.ascWithoutListHandling();

    @Override
    public int compare(Object a, Object b) {
        if (a == b) {
            return 0;
        }
        if (a instanceof KeyValue left && b instanceof KeyValue right) {
            int common = Math.min(left.size(), right.size());
            for (int i = 0; i < common; i++) {
                int order = VALUES.compare(left.get(i), right.get(i));
                if (order != 0) {
                    return order;
                }
            }
            if (left.size() != right.size()) {
                return Integer.compare(left.size(), right.size());
            }
            if (left.equals(right)) {
                return 0;
            }
        }
        return super.compare(a, b);
    }
}
