package cn.referral.platform.web;

import java.util.ArrayList;
import java.util.List;

/**
 * Every mapping of a service in the order they are asked: the service's own {@link ProblemMapping}s, then the
 * platform's {@link SharedProblems}. The problem+json handler and any other view of the same errors (referral's
 * FHIR OperationOutcomes) ask through it, so an error gets the same status everywhere.
 */
public final class ProblemMappings {

    private final List<ProblemMapping> mappings;

    public ProblemMappings(List<ProblemMapping> own) {
        List<ProblemMapping> all = new ArrayList<>(own);
        all.add(new SharedProblems());
        this.mappings = List.copyOf(all);
    }

    /** The problem {@code error} is or is mapped to, or null if it is none of these (an unexpected error). */
    public ProblemException toProblem(Throwable error) {
        if (error instanceof ProblemException problem) {
            return problem;
        }
        for (ProblemMapping mapping : mappings) {
            ProblemException mapped = mapping.toProblem(error);
            if (mapped != null) {
                return mapped;
            }
        }
        return null;
    }
}
