package cn.referral.registry;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.referral.platform.security.Role;
import cn.referral.platform.testing.TestTokens;

/** Calls the registry under test as an administrator or as any other role, with bodies named for the situation. */
public final class RegistryClient {

    public static final String ADMIN = TestTokens.token(Role.REGISTRY_ADMIN, "registry-office");
    public static final String DOCTOR = TestTokens.token(Role.PRIMARY_DOCTOR, "wz-lucheng-nanhui-chc");
    private static final AtomicInteger CODES = new AtomicInteger();

    private final WebTestClient client;

    public RegistryClient(int port) {
        this.client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(30)).build();
    }

    public WebTestClient.RequestHeadersSpec<?> get(String uri, String token) {
        return client.get().uri(uri).header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
    }

    public WebTestClient.RequestHeadersSpec<?> get(String uri) {
        return get(uri, DOCTOR);
    }

    public WebTestClient.RequestHeadersSpec<?> post(String uri, String token, String json) {
        return client.post().uri(uri).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(json);
    }

    public WebTestClient.RequestHeadersSpec<?> post(String uri, String json) {
        return post(uri, ADMIN, json);
    }

    public WebTestClient.RequestHeadersSpec<?> put(String uri, String ifMatch, String json) {
        var spec = client.put().uri(uri).header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN)
                .contentType(MediaType.APPLICATION_JSON);
        if (ifMatch != null) {
            spec = spec.header(HttpHeaders.IF_MATCH, ifMatch);
        }
        return spec.bodyValue(json);
    }

    public WebTestClient.RequestHeadersSpec<?> delete(String uri) {
        return client.delete().uri(uri).header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN);
    }

    /** POSTs as administrator, expects 201 and returns the new record's id. */
    public String create(String uri, String json) {
        Map<?, ?> body = post(uri, json).exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        return (String) body.get("id");
    }

    public static String institution(String name, String level, String kind, String regionCode) {
        return """
                {"name":"%s","organisationCode":"%s","level":"%s","kind":"%s","regionCode":"%s",
                 "departments":["全科","心血管内科"],"gridArea":"%s片区"}"""
                .formatted(name, nextOrganisationCode(), level, kind, regionCode, name);
    }

    public static String aCommunityCentre(String name) {
        return institution(name, "PRIMARY", "COMMUNITY_HEALTH_CENTRE", "330302");
    }

    public static String aCityHospital(String name) {
        return institution(name, "TERTIARY", "GENERAL_HOSPITAL", "330302");
    }

    public static String aDistrictHospital(String name) {
        return institution(name, "SECONDARY", "GENERAL_HOSPITAL", "330302");
    }

    /** An urban group led by {@code lead} with {@code hub} (may be null) and one 片区 anchored by {@code centre}. */
    public static String anUrbanGroup(String name, String lead, String hub, String district, String cell, String centre) {
        return """
                {"name":"%s","type":"URBAN_MEDICAL_GROUP","regionCode":"330300","leadInstitutionIds":["%s"],
                 "hubInstitutionId":%s,
                 "grids":[{"name":"%s","district":"%s","leadInstitutionId":"%s","memberInstitutionIds":[]}]}"""
                .formatted(name, lead, hub == null ? "null" : "\"" + hub + "\"", cell, district, centre);
    }

    /** A well-formed, unique 18-character unified social credit code for each test institution. */
    public static String nextOrganisationCode() {
        return "12330302T%08dX".formatted(CODES.incrementAndGet() + (System.nanoTime() % 1000) * 10000);
    }
}
