package cn.referral.platform.application;

/**
 * Nothing of this kind with this id that the caller may see: unknown, removed, or another institution's
 * (which answers the same, so ids cannot be probed). Thrown by the services' application layers; the
 * platform's {@code SharedProblems} answers it 404 for every service.
 */
public class NotFound extends RuntimeException {

    private final String what;
    private final String id;

    public NotFound(String what, String id) {
        this(what, id, "No " + what.toLowerCase() + " with id " + id);
    }

    private NotFound(String what, String id, String message) {
        super(message);
        this.what = what;
        this.id = id;
    }

    /**
     * Nothing of this kind for a lookup by something other than its id, such as a patient's contract by the
     * patient's pseudonym, which the answer must not repeat: {@code message} says in words what was looked for.
     */
    public static NotFound described(String what, String message) {
        return new NotFound(what, null, message);
    }

    public String what() {
        return what;
    }

    /** The id looked for, or null for a {@link #described} lookup. */
    public String id() {
        return id;
    }
}
