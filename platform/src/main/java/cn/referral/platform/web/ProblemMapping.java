package cn.referral.platform.web;

/**
 * Maps a service's own exceptions (domain rule violations, conflicts) to problems. Services
 * declare one as a bean; the platform's error handler asks every mapping before its defaults.
 */
@FunctionalInterface
public interface ProblemMapping {

    /** The problem for {@code error}, or {@code null} if the error is not this mapping's. */
    ProblemException toProblem(Throwable error);
}
