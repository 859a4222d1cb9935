package cn.referral.registry.application;

/** The patient already has a family-doctor contract: renew or terminate that one. */
public class DuplicateContract extends RuntimeException {

    private final String existingContractId;

    public DuplicateContract(String existingContractId) {
        super("The patient already has family-doctor contract " + existingContractId
                + ": renew it (PUT) or terminate it first");
        this.existingContractId = existingContractId;
    }

    public String existingContractId() {
        return existingContractId;
    }
}
