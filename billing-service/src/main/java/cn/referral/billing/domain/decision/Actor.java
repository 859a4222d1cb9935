package cn.referral.billing.domain.decision;

import cn.referral.billing.domain.region.RegionCode;
import cn.referral.platform.domain.InstitutionId;

/**
 * Who reads billing's records, as the domain sees an authenticated caller: whether it audits, the region whose
 * insurer it is and the institution it works at. A caller may be more than one of them at once (an auditor who
 * also settles a region), so each is kept, not one role.
 *
 * @param auditor       whether the actor audits: it reads every record
 * @param insurerOf     the region whose insurer the actor is, or null when it is no insurer or names no region
 * @param institutionId the institution the actor works at, or null when it has none (auditors, insurers)
 */
public record Actor(boolean auditor, RegionCode insurerOf, InstitutionId institutionId) {

    /** Whether the actor is the insurer of the record's insuring region: the one who settles it. */
    public boolean settles(RevocableRecord record) {
        return insurerOf != null && insurerOf.equals(record.insuringRegion());
    }
}
