package cn.referral.billing.application;

import cn.referral.billing.domain.decision.RevocableRecord;
import cn.referral.billing.domain.region.RegionCode;
import cn.referral.platform.application.NotPermitted;
import cn.referral.platform.domain.Identifier;
import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.security.Caller;
import cn.referral.platform.security.Role;

/**
 * Who may do what (DESIGN §4–5). Decisions are read by auditors (all), an insurer (its region) and
 * the referral's own institutions; schedules and policies are written by registry administrators.
 */
final class AccessRules {

    private AccessRules() {
    }

    /**
     * A decision, and the 转院备案 filed beside it, are read by auditors, the insurer of the patient's region
     * and the referral's own two institutions.
     */
    static boolean mayRead(Caller caller, RevocableRecord record) {
        return caller.has(Role.AUDITOR) || insurerOf(caller, record.insuringRegion())
                || record.concernsInstitution(institutionOf(caller));
    }

    /**
     * Whether the caller sees the insured person number in full: only the insurer of the record's insuring
     * region, who settles it (DESIGN §5). Auditors and the referral's institutions see it masked.
     */
    static boolean seesInsuredPersonNoInFull(Caller caller, RevocableRecord record) {
        return insurerOf(caller, record.insuringRegion());
    }

    static void requireAuditor(Caller caller) {
        if (!caller.has(Role.AUDITOR)) {
            throw new NotPermitted("The audit trail is read by auditors");
        }
    }

    /** The role an audit record names: the first of the caller's roles in name order. */
    static String auditedRole(Caller caller) {
        return caller.roles().stream().map(Role::name).sorted().findFirst().orElse(null);
    }

    /** The declared purpose, else the usual one of the caller's role. */
    static String purposeOrUsual(Caller caller, String purpose) {
        if (purpose != null) {
            return purpose;
        }
        if (caller.has(Role.INSURER)) {
            return "SETTLEMENT";
        }
        return caller.has(Role.AUDITOR) ? "AUDIT" : "REFERRAL_HANDLING";
    }

    /** The caller's own institution, or null: auditors and insurers have none, and a blank one names none. */
    private static InstitutionId institutionOf(Caller caller) {
        return Identifier.ofValueOrNull(caller.institutionId(), InstitutionId::new);
    }

    /** The caller is the insurer of this region: who settles its decisions and filings. */
    private static boolean insurerOf(Caller caller, RegionCode region) {
        return caller.has(Role.INSURER) && region.value().equals(caller.regionCode());
    }

    /** The region whose settlement the caller may export, or null for every region (auditors). */
    static RegionCode settlementRegion(Caller caller) {
        if (caller.has(Role.AUDITOR)) {
            return null;
        }
        if (caller.has(Role.INSURER) && caller.regionCode() != null) {
            return new RegionCode(caller.regionCode());
        }
        throw new NotPermitted("Settlement exports are for the region's insurer and for auditors");
    }

    static void requireAdministrator(Caller caller, String what) {
        if (!caller.has(Role.REGISTRY_ADMIN)) {
            throw new NotPermitted(what + " are set by registry administrators");
        }
    }
}
