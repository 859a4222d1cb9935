package cn.referral.billing.domain.decision;

/**
 * Who may read a deductible decision or the 转院备案 filed beside it, and who sees its insured person number in
 * full (DESIGN §5): auditors read every record, the insurer of the patient's region and the referral's own two
 * institutions read theirs; only that insurer, who settles the record, sees the number in full, every other
 * reader sees it masked.
 */
public final class RecordPermissions {

    private RecordPermissions() {
    }

    public static boolean mayRead(RevocableRecord record, Actor actor) {
        return actor.auditor() || actor.settles(record) || record.concernsInstitution(actor.institutionId());
    }

    public static boolean seesInsuredPersonNoInFull(RevocableRecord record, Actor actor) {
        return actor.settles(record);
    }
}
