package cn.referral.registry.domain;

/** A new institution joined the registry. */
public record InstitutionRegistered(Institution institution) implements InstitutionEvent {
}
