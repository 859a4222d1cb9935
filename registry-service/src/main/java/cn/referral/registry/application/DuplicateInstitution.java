package cn.referral.registry.application;

/** Another institution already has this organisation code. */
public class DuplicateInstitution extends RuntimeException {

    private final String organisationCode;

    public DuplicateInstitution(String organisationCode) {
        super("An institution with organisation code " + organisationCode + " is already registered");
        this.organisationCode = organisationCode;
    }

    public String organisationCode() {
        return organisationCode;
    }
}
