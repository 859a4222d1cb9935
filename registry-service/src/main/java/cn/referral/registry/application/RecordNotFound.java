package cn.referral.registry.application;

/** No record of this kind with this id (or it was removed). */
public class RecordNotFound extends RuntimeException {

    private final String what;
    private final String id;

    public RecordNotFound(String what, String id) {
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
