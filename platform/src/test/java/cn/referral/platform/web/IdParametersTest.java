package cn.referral.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class IdParametersTest {

    private record PoolId(String value) {
    }

    @Test
    void aPathSegmentBecomesTheTypedIdAndABlankOneIsNotFound() {
        assertThat(IdParameters.inPath("Pool", "pool-1", PoolId::new)).isEqualTo(new PoolId("pool-1"));

        assertThatThrownBy(() -> IdParameters.inPath("Pool", " ", PoolId::new))
                .isInstanceOfSatisfying(ProblemException.class,
                        problem -> assertThat(problem.status()).isEqualTo(HttpStatus.NOT_FOUND));
    }

    @Test
    void aRequiredQueryParameterBecomesTheTypedIdAndABlankOneIsABadRequestNamingIt() {
        assertThat(IdParameters.required("poolId", "pool-1", PoolId::new)).isEqualTo(new PoolId("pool-1"));

        assertThatThrownBy(() -> IdParameters.required("poolId", "", PoolId::new))
                .isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                    assertThat(problem.toProblemDetail().getProperties()).extractingByKey("errors")
                            .isEqualTo(List.of(new FieldError("poolId", "must not be blank")));
                });
    }
}
