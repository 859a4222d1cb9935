package cn.referral.registry.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;

import cn.referral.platform.web.ProblemTypes;
import cn.referral.registry.application.DuplicateRecord;

/**
 * A record inserted under an id that exists already: only demo data and a lost race insert under a given id, so no
 * request can reach this answer in an IT; its body is checked here.
 */
class RegistryProblemsTest {

    @Test
    void aDuplicateRecordIsAConflictWithItsCode() {
        ProblemDetail problem = new RegistryProblems().toProblem(new DuplicateRecord("Practitioner", "p-1"))
                .toProblemDetail();

        assertThat(problem.getStatus()).isEqualTo(409);
        assertThat(problem.getType()).isEqualTo(ProblemTypes.CONFLICT);
        assertThat(problem.getTitle()).isEqualTo("Already exists");
        assertThat(problem.getDetail()).isEqualTo("A practitioner with id p-1 exists already");
        assertThat(problem.getProperties()).containsEntry("code", "duplicate-record");
    }
}
