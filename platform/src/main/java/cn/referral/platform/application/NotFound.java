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
        super("No " + what.toLowerCase() + " with id " + id);
        this.what = what;
        this.id = id;
    }

    public String what() {
        return what;
    }

    public String id() {
        return id;
    }
}
