package cn.referral.referral.application;

/** Nothing with this id that the caller may see (a referral of another institution is not found either). */
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
