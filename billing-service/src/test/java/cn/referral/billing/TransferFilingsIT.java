package cn.referral.billing;

import static cn.referral.platform.testing.Problems.expectNotFound;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import cn.referral.billing.Events.Accept;
import cn.referral.billing.Events.Published;
import cn.referral.billing.domain.SettlementDay;
import cn.referral.platform.security.Role;
import cn.referral.platform.testing.ServiceIntegrationTest;
import cn.referral.platform.testing.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * The 转院备案 (2501) beside every issued decision and its revocation (2502), through Kafka and HTTP:
 * one per referral under redelivery and reordering, readable by the region's insurer only, and
 * joining the settlement CSV line for line. (No schedules or policies are set here: the decisions are
 * NO_SCHEDULE, which is all a filing needs.)
 */
@ServiceIntegrationTest
@AutoConfigureWebTestClient
class TransferFilingsIT extends BillingItSupport {

    private static final String NAN_AN = "350583";
    private static final String INSURED = "35058300000087654321";
    private static final String CENTRE = "tf-shijing-thc";
    private static final String HOSPITAL = "tf-county-hospital";
    private static final String FAR_HOSPITAL = "tf-wenzhou-hospital";

    @BeforeEach
    void institutions() {
        // the settlement export reads every decision of the day: more than WebTestClient's default 5 s on a busy machine
        web = web.mutate().responseTimeout(WAIT).build();
        events.institution(CENTRE, "PRIMARY", NAN_AN, "南安市石井镇中心卫生院", "H35058390001");
        events.institution(HOSPITAL, "SECONDARY", NAN_AN, "南安市医院", "H35058390002");
        events.institution(FAR_HOSPITAL, "TERTIARY", "330302", "温州医科大学附属第一医院", null);
        await().atMost(WAIT).until(() -> mongo.exists(Query.query(Criteria.where("_id").is(FAR_HOSPITAL)
                .and("name").is("温州医科大学附属第一医院")), "institution_view").block(WAIT));
    }

    @Test
    void anAcceptedReferralGetsOne2501WithTheInterfacesFieldsAndACancelOne2502() {
        String referral = UUID.randomUUID().toString();
        Accept accept = new Accept(referral, NAN_AN, "EMPLOYEE", "UP", "INPATIENT", CENTRE, HOSPITAL, 20_000L, INSURED);
        String ceId = events.accepted(accept);
        Published filed = awaitFilings(referral, 1).get(0);

        assertThat(filed.type()).isEqualTo("billing.transfer-filing-registered.v1");
        Published decision = events.publishedFor(referral).get(0);
        JsonNode record = filed.body();
        assertThat(record.get("infno").asString()).isEqualTo("2501");
        assertThat(record.get("decisionId").asString()).isEqualTo(decision.text("decisionId"));
        assertThat(record.get("psn_no").asString()).isEqualTo(INSURED);
        assertThat(record.get("insutype").asString()).isEqualTo("310");
        assertThat(record.get("insuplc_admdvs").asString()).isEqualTo(NAN_AN);
        assertThat(record.get("mdtrtarea_admdvs").asString()).isEqualTo(NAN_AN);
        assertThat(record.get("fixmedins_code").asString()).isEqualTo("H35058390001");
        assertThat(record.get("fixmedins_name").asString()).isEqualTo("南安市石井镇中心卫生院");
        assertThat(record.get("reflin_medins_no").asString()).isEqualTo("H35058390002");
        assertThat(record.get("reflin_medins_name").asString()).isEqualTo("南安市医院");
        assertThat(record.get("diag_code").asString()).isEqualTo("I21.0");
        assertThat(record.get("diag_name").asString()).isEqualTo("急性前壁心肌梗死");
        assertThat(record.get("dise_cond_dscr").asString()).contains("ST 段抬高");
        assertThat(record.get("refl_rea").asString()).isEqualTo("需介入治疗");
        assertThat(record.get("out_flag").asString()).isEqualTo("0");
        assertThat(record.get("hosp_agre_refl_flag").asString()).isEqualTo("1");
        assertThat(record.get("refl_date").asString()).isEqualTo(decision.text("validFrom"));
        assertThat(record.get("begndate").asString()).isEqualTo(decision.text("validFrom"));
        assertThat(record.get("enddate").asString()).isEqualTo(decision.text("validUntil"));
        assertThat(record.get("refl_opnn").isNull()).isTrue();
        assertThat(record.get("tel").isNull()).as("the phone never reaches billing").isTrue();

        String filingId = record.get("filingId").asString();
        web.get().uri("/transfer-filings?referralId={id}", referral)
                .headers(h -> h.setBearerAuth(TestTokens.insurer(NAN_AN))).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].filingId").isEqualTo(filingId)
                .jsonPath("$[0].status").isEqualTo("REGISTERED")
                .jsonPath("$[0].psn_no").isEqualTo(INSURED);
        expectNotFound(web.get().uri("/transfer-filings/{id}", filingId)
                .headers(h -> h.setBearerAuth(TestTokens.insurer("330300"))).exchange(), "Transfer filing", filingId);
        web.get().uri("/transfer-filings/{id}", filingId)
                .headers(h -> h.setBearerAuth(AUDITOR)).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.psn_no").value(psnNo -> assertThat((String) psnNo)
                        .as("an auditor sees the insured person number masked to its last 4 characters")
                        .doesNotContain(INSURED.substring(0, 16)).endsWith(INSURED.substring(16)));
        web.get().uri("/transfer-filings?referralId={id}", referral)
                .headers(h -> h.setBearerAuth(TestTokens.token(Role.REFERRAL_DESK, "wz-wmu-first-hospital")))
                .exchange().expectStatus().isOk().expectBody().json("[]");
        assertThat(auditTrail(referral)).filteredOn(read -> "READ_TRANSFER_FILING".equals(read.get("action")))
                .as("every filing shown is audited, with whether psn_no was in full; what was not shown is not")
                .extracting(read -> read.get("role"), read -> read.get("insuredPersonNoInFull"),
                        read -> read.get("purpose"), read -> read.get("decisionId"))
                .containsExactlyInAnyOrder(tuple("INSURER", true, "SETTLEMENT", decision.text("decisionId")),
                        tuple("AUDITOR", false, "AUDIT", decision.text("decisionId")));

        events.accepted(accept, ceId);
        events.accepted(accept);
        events.cancelled(referral);
        events.cancelled(referral);
        Published revoked = awaitFilings(referral, 2).get(1);
        awaitHandled(referral);

        assertThat(events.filingsFor(referral)).extracting(Published::type).containsExactly(
                "billing.transfer-filing-registered.v1", "billing.transfer-filing-revoked.v1");
        assertThat(events.everythingFor(referral)).extracting(Published::type)
                .as("one of each: the filing and the decision are separate records, each in its own order")
                .containsExactlyInAnyOrder("billing.deductible-decision-issued.v1",
                        "billing.transfer-filing-registered.v1", "billing.deductible-decision-revoked.v1",
                        "billing.transfer-filing-revoked.v1");
        assertThat(revoked.text("infno")).isEqualTo("2502");
        assertThat(revoked.text("filingId")).isEqualTo(filingId);
        assertThat(revoked.text("psn_no")).isEqualTo(INSURED);
        assertThat(revoked.text("reason")).isEqualTo("REFERRAL_CANCELLED");
        assertThat(revoked.text("memo")).isEqualTo("转诊已取消");
        assertThat(revoked.text("trt_dcla_detl_sn")).isNull();
        web.get().uri("/transfer-filings/{id}", filingId).headers(h -> h.setBearerAuth(AUDITOR))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("REVOKED")
                .jsonPath("$.revocationReason").isEqualTo("REFERRAL_CANCELLED");
    }

    @Test
    void aNoShowRevokesAndAnAcceptAfterItsCancelFilesNothing() {
        String shown = UUID.randomUUID().toString();
        events.accepted(new Accept(shown, NAN_AN, "RESIDENT", "UP", "OUTPATIENT", CENTRE, FAR_HOSPITAL, null, INSURED));
        Published filed = awaitFilings(shown, 1).get(0);
        assertThat(filed.text("insutype")).isEqualTo("390");
        assertThat(filed.text("out_flag")).as("Wenzhou is outside the insuring city (Quanzhou, which Nan'an belongs to)").isEqualTo("1");
        assertThat(filed.text("reflin_medins_no")).as("not recorded: null, not guessed").isNull();
        events.noShow(shown);
        assertThat(awaitFilings(shown, 2).get(1).text("reason")).isEqualTo("REFERRAL_NO_SHOW");

        String late = UUID.randomUUID().toString();
        events.cancelled(late);
        events.accepted(new Accept(late, NAN_AN, "EMPLOYEE", "UP", "INPATIENT", CENTRE, HOSPITAL, null, INSURED));
        awaitHandled(late);
        assertThat(events.everythingFor(late)).isEmpty();
    }

    @Test
    void theSettlementCsvJoinsTheFilingsLineForLine() {
        List<String> referrals = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString());
        for (String referral : referrals) {
            events.accepted(new Accept(referral, NAN_AN, "EMPLOYEE", "UP", "INPATIENT", CENTRE, HOSPITAL, null,
                    INSURED));
            awaitFilings(referral, 1);
        }
        events.cancelled(referrals.get(1));
        awaitFilings(referrals.get(1), 2);

        String today = SettlementDay.of(java.time.Instant.now()).toString();
        String csv = web.get().uri("/settlement/{date}.csv", today)
                .headers(h -> h.setBearerAuth(TestTokens.insurer(NAN_AN))).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        List<String> lines = csv.lines().toList();
        List<String> header = Arrays.asList(lines.get(0).split(","));
        int checked = 0;
        for (String line : lines.subList(1, lines.size())) {
            Map<String, String> row = row(header, line);
            if (!referrals.contains(row.get("referral_id"))) {
                continue;
            }
            JsonNode filing = filing(row.get("referral_id"));
            assertThat(filing.get("decisionId").asString()).isEqualTo(row.get("decision_id"));
            assertThat(filing.get("psn_no").asString()).isEqualTo(row.get("insured_person_no"));
            assertThat(filing.get("begndate").asString()).isEqualTo(row.get("valid_from"));
            assertThat(filing.get("refl_date").asString()).isEqualTo(row.get("valid_from"));
            assertThat(filing.get("enddate").asString()).isEqualTo(row.get("valid_until"));
            if (row.get("line_type").equals("REVOKED")) {
                assertThat(filing.get("status").asString()).isEqualTo("REVOKED");
                assertThat(filing.get("revocationReason").asString()).isEqualTo(row.get("revocation_reason"));
            }
            checked++;
        }
        assertThat(checked).as("two ISSUED lines and one REVOKED line").isEqualTo(3);
    }

    private JsonNode filing(String referral) {
        String body = web.get().uri("/transfer-filings?referralId={id}", referral)
                .headers(h -> h.setBearerAuth(TestTokens.insurer(NAN_AN))).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        return Events.JSON.readTree(body).get(0);
    }

    private static Map<String, String> row(List<String> header, String line) {
        String[] values = line.split(",", -1);
        Map<String, String> row = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            row.put(header.get(i), i < values.length ? values[i] : "");
        }
        return row;
    }

    /**
     * Every event sent for {@code referral} so far has been consumed (a marker referral accepted after
     * them on the single-partition topic has its filing published) and the referral's filing and
     * decision documents have nothing left in their outboxes.
     */
    private void awaitHandled(String referral) {
        String marker = UUID.randomUUID().toString();
        events.accepted(new Accept(marker, NAN_AN, "EMPLOYEE", "UP", "INPATIENT", CENTRE, HOSPITAL, null, INSURED));
        awaitFilings(marker, 1);
        await().atMost(WAIT).until(() -> emptyOutbox("transfer_filings", referral) && emptyOutbox("decisions", referral));
    }
}
