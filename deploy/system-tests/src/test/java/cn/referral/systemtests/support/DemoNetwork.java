package cn.referral.systemtests.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import cn.referral.platform.security.Role;
import cn.referral.platform.testing.TestTokens;

/**
 * The {@code local} profile's demo network as the system tests use it (docs/demo-data.md): the
 * Wenzhou pair (community centre 南汇 → 温医大附一院, urban group) and the Nan'an pair (石井镇中心卫生院 →
 * 南安市医院, county community), each hospital with two weeks of demo pools.
 */
public final class DemoNetwork {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    public static final String NANHUI_CENTRE = "wz-lucheng-nanhui-chc";
    public static final String WMU_HOSPITAL = "wz-wmu-first-hospital";
    public static final String SHIJING_CENTRE = "na-shijing-thc";
    public static final String COUNTY_HOSPITAL = "na-county-hospital";
    public static final String NANHUI_FAMILY_DOCTOR = "wz-nanhui-gp-1";
    public static final String SHIJING_FAMILY_DOCTOR = "na-shijing-gp-1";

    /** Insurance regions of the demo billing policies (city level for Wenzhou, county level for Nan'an). */
    public static final String WENZHOU_REGION = "330300";
    public static final String NANAN_REGION = "350583";

    private DemoNetwork() {
    }

    public static LocalDate today() {
        return LocalDate.now(CHINA);
    }

    /** 09:00 China Standard Time on that day: an appointment a desk would give. */
    public static Instant morningOf(LocalDate day) {
        return day.atTime(9, 0).atZone(CHINA).toInstant();
    }

    /**
     * The demo network has reached referral-service's local views (it accepts referrals between
     * demo ids only then): read there directly, as the views are not routed through the gateway.
     */
    public static void awaitInReferralService(RunningPlatform platform) {
        Api referralDirect = new Api(platform.service("referral-service"),
                TestTokens.token(Role.AUDITOR, "audit-office"));
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() ->
                List.of(NANHUI_CENTRE, WMU_HOSPITAL, SHIJING_CENTRE, COUNTY_HOSPITAL).stream().allMatch(id ->
                        referralDirect.get("/institutions-view/" + id).status() == 200));
    }
}
