package cn.referral.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import cn.referral.platform.testing.MutableClockConfiguration;
import cn.referral.platform.testing.ServiceIntegrationTest;
import cn.referral.referral.support.ReferralItSupport;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Issue 13 item 4: what an inpatient transfer says was already paid at the source is bounded by the
 * source institution's scheduled inpatient deductible, which billing-service owns and answers at
 * {@code GET /deductible-check} (here a stand-in billing on a local port). Above it: 422 naming
 * {@code sourceEpisode.deductiblePaidFen}. No schedule, or billing too slow: the submission goes ahead
 * (billing's decision still holds the bound).
 */
@ServiceIntegrationTest
@Import(MutableClockConfiguration.class)
class SourceDeductibleBoundIT extends ReferralItSupport {

    private static final long BOUND = 30_000;
    private static final String NO_SCHEDULE_REGION = "330303";
    private static final String SLOW_REGION = "330304";
    private static final List<String> ASKED = new CopyOnWriteArrayList<>();
    private static final HttpServer BILLING = billing();


    @Autowired
    private MeterRegistry meters;

    @DynamicPropertySource
    static void billingUrl(DynamicPropertyRegistry properties) {
        properties.add("referral.billing-url", () -> "http://127.0.0.1:" + BILLING.getAddress().getPort());
        properties.add("referral.billing-timeout", () -> "500ms");
    }

    @AfterAll
    static void stopBilling() {
        BILLING.stop(0);
    }

    @Test
    void anAmountAboveTheSourcesScheduledDeductibleIsA422NamingTheField() {
        EntityExchangeResult<String> above = submit(centreDoctor, transfer(idNumber(801), BOUND + 1, "330302"), null);

        assertThat(above.getStatus().value()).as(above.getResponseBody()).isEqualTo(422);
        assertThat(json(above).get("code").asString()).isEqualTo("already-paid-above-schedule");
        assertThat(json(above).get("errors").get(0).get("field").asString()).isEqualTo("sourceEpisode.deductiblePaidFen");
        assertThat(json(above).get("errors").get(0).get("message").asString()).contains("30000");
        assertThat(ASKED).anySatisfy(asked -> assertThat(asked)
                .contains("regionCode=330302", "scheme=RESIDENT", "sourceInstitutionId=" + NANHUI_CENTRE,
                        "deductiblePaidFen=0", "Bearer " + centreDoctor));
        assertThat(String.join(" ", ASKED)).as("no patient identity goes to billing").doesNotContain(idNumber(801));

        assertThat(submit(centreDoctor, transfer(idNumber(802), BOUND, "330302"), null).getStatus().value())
                .as("exactly the bound").isEqualTo(201);
    }

    @Test
    void withoutAScheduleOrWhenBillingIsTooSlowTheSubmissionGoesAhead() {
        assertThat(submit(centreDoctor, transfer(idNumber(803), 99_999_999, NO_SCHEDULE_REGION), null)
                .getStatus().value()).as("billing knows no schedule: nothing to bound here").isEqualTo(201);

        double before = meters.counter("referral.deductible.bound.unavailable").count();
        assertThat(submit(centreDoctor, transfer(idNumber(804), 99_999_999, SLOW_REGION), null).getStatus().value())
                .as("billing too slow: billing's decision holds the bound").isEqualTo(201);
        assertThat(meters.counter("referral.deductible.bound.unavailable").count()).isEqualTo(before + 1);
    }

    @Test
    void nothingIsAskedWhenNothingWasPaidOrTheReferralIsNoTransfer() {
        int asked = ASKED.size();
        assertThat(submit(centreDoctor, transfer(idNumber(805), 0, "330302"), null).getStatus().value()).isEqualTo(201);
        assertThat(submit(centreDoctor, upReferral(idNumber(806), NANHUI_CENTRE, CITY_HOSPITAL, "ROUTINE"), null)
                .getStatus().value()).isEqualTo(201);
        assertThat(ASKED).hasSize(asked);
    }

    private Map<String, Object> transfer(String idNumber, long paidFen, String insuringRegion) {
        Map<String, Object> transfer = upReferral(idNumber, NANHUI_CENTRE, CITY_HOSPITAL, "ROUTINE");
        transfer.put("careType", "INPATIENT");
        @SuppressWarnings("unchecked")
        Map<String, Object> patient = (Map<String, Object>) transfer.get("patient");
        patient.put("insuranceRegionCode", insuringRegion);
        transfer.put("sourceEpisode", Map.of("admissionDate", today().minusDays(3).toString(),
                "dischargedOn", today().toString(), "deductiblePaidFen", paidFen));
        return transfer;
    }

    /** billing-service's {@code /deductible-check} as it answers: the bound, 404 without a schedule, or slowly. */
    private static HttpServer billing() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/deductible-check", exchange -> {
                String query = exchange.getRequestURI().getRawQuery();
                ASKED.add(query + " " + exchange.getRequestHeaders().getFirst("Authorization"));
                if (query.contains("regionCode=" + NO_SCHEDULE_REGION)) {
                    answer(exchange, 404, "{\"status\":404}");
                } else if (query.contains("regionCode=" + SLOW_REGION)) {
                    sleep();
                    answer(exchange, 200, "{\"boundFen\":1}");
                } else {
                    answer(exchange, 200, "{\"sourceLevel\":\"PRIMARY\",\"boundFen\":" + BOUND + ",\"deductiblePaidFen\":0}");
                }
            });
            server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static void sleep() {
        try {
            Thread.sleep(3_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
