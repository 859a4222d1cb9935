package cn.referral.billing.application;

import cn.referral.billing.domain.decision.RecordPermissions;
import cn.referral.billing.domain.region.RegionCode;
import cn.referral.platform.application.NotPermitted;
import cn.referral.platform.security.Caller;
import cn.referral.platform.security.Role;

/**
 * What the use cases check on the caller's token (DESIGN §4–5): the audit trail is read by auditors, settlement
 * exports by the region's insurer and auditors, schedules and policies are written by registry administrators;
 * and what an audit record names of the caller. Who may read a decision or a 转院备案, and who sees its insured
 * person number in full, is the domain's {@link RecordPermissions}, over the {@link Actors actor} of the caller.
 */
final class AccessRules {

    private AccessRules() {
    }

    static void requireAuditor(Caller caller) {
        if (!caller.has(Role.AUDITOR)) {
            throw new NotPermitted("auditors-only", "The audit trail is read by auditors");
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

    /** The region whose settlement the caller may export, or null for every region (auditors). */
    static RegionCode settlementRegion(Caller caller) {
        if (caller.has(Role.AUDITOR)) {
            return null;
        }
        if (caller.has(Role.INSURER) && caller.regionCode() != null) {
            return new RegionCode(caller.regionCode());
        }
        throw new NotPermitted("settlement-readers", "Settlement exports are for the region's insurer and for auditors");
    }

    static void requireAdministrator(Caller caller, String what) {
        if (!caller.has(Role.REGISTRY_ADMIN)) {
            throw new NotPermitted("administrators-only", what + " are set by registry administrators");
        }
    }
}
