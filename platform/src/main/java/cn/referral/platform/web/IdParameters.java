package cn.referral.platform.web;

import java.util.function.Function;

/**
 * A typed id from a request, read the same way in every service: {@code type} is the service's id record (e.g.
 * {@code PoolId::new}). A blank path segment names nothing of its kind, so it is 404 like an unknown id; a blank
 * required query parameter is the client's mistake, 400 naming the parameter.
 */
public final class IdParameters {

    private IdParameters() {
    }

    /** The id a path segment names; 404 for {@code what} when it is blank. */
    public static <I> I inPath(String what, String value, Function<String, I> type) {
        if (value.isBlank()) {
            throw ProblemException.notFound(what, value);
        }
        return type.apply(value);
    }

    /** The id a required query parameter {@code field} names; 400 on {@code field} when it is blank. */
    public static <I> I required(String field, String value, Function<String, I> type) {
        if (value.isBlank()) {
            throw ProblemException.invalidField(field, "must not be blank");
        }
        return type.apply(value);
    }
}
