package cn.referral.registry.application;

/** A record with this id exists already. */
public class DuplicateRecord extends RuntimeException {

    public DuplicateRecord(String what, String id) {
        super("A " + what.toLowerCase() + " with id " + id + " exists already");
    }
}
