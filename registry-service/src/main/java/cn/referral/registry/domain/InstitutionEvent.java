package cn.referral.registry.domain;

/** Something that happened to an institution. */
public sealed interface InstitutionEvent permits InstitutionRegistered {

    /** The institution as it is after the event: other services keep snapshots of it. */
    Institution institution();
}
