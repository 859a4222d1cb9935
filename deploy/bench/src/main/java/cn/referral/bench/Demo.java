package cn.referral.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Valid requests against the {@code local} profile's demo network (docs/demo-data.md): up-referrals from the
 * two demo centres to their alliance's hospital, spread over the departments, care types and the next 13 days
 * so they land on many of the demo pools. Every referral has its own made-up patient.
 */
final class Demo {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final List<String> INSTITUTIONS = List.of("wz-lucheng-nanhui-chc", "wz-wmu-first-hospital", "na-shijing-thc",
            "na-county-hospital");

    /** A referral pair: from a centre to its alliance's hospital, the department, the insurance region. */
    record Route(String from, String to, String department, String region, String insuranceRegion) {
    }

    static final List<Route> ROUTES = List.of(
            new Route("wz-lucheng-nanhui-chc", "wz-wmu-first-hospital", "心血管内科", "330302", "330300"),
            new Route("na-shijing-thc", "na-county-hospital", "心血管内科", "350583", "350583"),
            new Route("wz-lucheng-nanhui-chc", "wz-wmu-first-hospital", "神经内科", "330302", "330300"),
            new Route("na-shijing-thc", "na-county-hospital", "神经内科", "350583", "350583"));
    private static final List<String> CARE_TYPES = List.of("OUTPATIENT", "INPATIENT", "EXAMINATION");

    /** A different stretch of made-up patients every run, so runs against the same stack never collide. */
    private final AtomicInteger sequence = new AtomicInteger(ThreadLocalRandom.current().nextInt(0, 5_000_000));

    record Referral(Route route, String json, LocalDate from) {
    }

    Referral next(int index) {
        Route route = ROUTES.get(index % ROUTES.size());
        String careType = CARE_TYPES.get((index / ROUTES.size()) % CARE_TYPES.size());
        LocalDate today = LocalDate.now(CHINA);
        LocalDate from = today.plusDays(1 + (index / 12) % 10);
        LocalDate until = from.plusDays(3);
        String idNumber = identityNumber(route.region());
        String patient = """
                {"name":"林秀英","gender":"FEMALE","birthDate":"%s-%s-%s","idNumber":"%s","insuredPersonNo":"Y%s%s",
                 "insuranceScheme":"EMPLOYEE","insuranceRegionCode":"%s","phone":"13800000000"}"""
                .formatted(idNumber.substring(6, 10), idNumber.substring(10, 12), idNumber.substring(12, 14), idNumber,
                        route.insuranceRegion(), idNumber.substring(14, 17), route.insuranceRegion());
        String episode = careType.equals("INPATIENT")
                ? ",\"sourceEpisode\":{\"admissionDate\":\"" + today + "\",\"deductiblePaidFen\":20000}" : "";
        String json = """
                {"direction":"UP","careType":"%s","urgency":"ROUTINE","patient":%s,
                 "diagnosis":{"code":"I21.0"},"reason":"需要上级医院进一步诊治","clinicalSummary":"基层初步处置后病情需要专科处理",
                 "fromInstitutionId":"%s","fromDepartment":"全科","toInstitutionId":"%s","toDepartment":"%s",
                 "requestedFrom":"%s","requestedUntil":"%s"%s}"""
                .formatted(careType, patient, route.from(), route.to(), route.department(), from, until, episode);
        return new Referral(route, json, from);
    }

    static String acceptance(LocalDate day) {
        Instant nine = day.atTime(9, 0).atZone(CHINA).toInstant();
        return "{\"appointmentAt\":\"" + nine + "\"}";
    }

    /** GB 11643: region, birth date, an even (female) sequence number, and the check character. */
    String identityNumber(String region) {
        int n = sequence.getAndIncrement();
        LocalDate birth = LocalDate.of(1940, 1, 1).plusDays((n / 500) % 20_000);
        String first17 = region + birth.toString().replace("-", "") + "%03d".formatted((n % 500) * 2);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * ((1 << (17 - i)) % 11);
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }
}
