package cn.referral.referral.application.port.in;

import java.util.List;

import cn.referral.referral.domain.network.Alliance;
import cn.referral.referral.domain.network.Institution;

/** What an organization id names in the local registry view: an institution, else an alliance. */
public sealed interface NetworkOrganization {

    /** An institution, with the alliances it is a member of (by alliance id). */
    record Member(Institution institution, List<Alliance> alliances) implements NetworkOrganization {
    }

    record AllianceOrganization(Alliance alliance) implements NetworkOrganization {
    }
}
