package cn.referral.console.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GatewayProblemTest {

    @Test
    void aValidationProblemNamesEachFieldWithItsMessage() {
        GatewayProblem problem = GatewayClient.toProblem(400, """
                {"type":"https://referral.example/problems/validation","title":"Invalid request","status":400,
                 "detail":"2 fields are invalid","errors":[{"field":"diagnosis.code","message":"must be an ICD-10 code"},
                 {"field":"patient.name","message":"must not be blank"}]}""");
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.fieldErrors()).containsEntry("diagnosis.code", "must be an ICD-10 code")
                .containsEntry("patient.name", "must not be blank");
        assertThat(problem.detail()).isEqualTo("2 fields are invalid");
        assertThat(problem.code()).as("a validation problem names no rule").isNull();
    }

    @Test
    void aBrokenRuleKeepsItsCodeBesideTheFieldItNames() {
        GatewayProblem problem = GatewayClient.toProblem(422, """
                {"type":"https://referral.example/problems/referral/outside-catalog","title":"Referral rule violated",
                 "status":422,"code":"outside-catalog",
                 "detail":"overrideReason: I21 is outside the 上转病种目录 for SECONDARY / INPATIENT and no overrideReason was given",
                 "errors":[{"field":"overrideReason",
                            "message":"I21 is outside the 上转病种目录 for SECONDARY / INPATIENT and no overrideReason was given"}]}""");
        assertThat(problem.code()).isEqualTo("outside-catalog");
        assertThat(problem.fieldErrors()).containsOnlyKeys("overrideReason");
    }

    @Test
    void aStaleIfMatchIsRecognisedAndABodyThatIsNotJsonStillGivesAProblem() {
        assertThat(GatewayClient.toProblem(412, "{\"title\":\"Version changed\"}").stale()).isTrue();
        GatewayProblem broken = GatewayClient.toProblem(502, "<html>bad gateway</html>");
        assertThat(broken.status()).isEqualTo(502);
        assertThat(broken.fieldErrors()).isEmpty();
    }
}
