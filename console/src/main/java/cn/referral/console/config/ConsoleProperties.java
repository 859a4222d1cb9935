package cn.referral.console.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the console needs to know.
 *
 * @param gatewayUrl where the gateway's APIs are (the console calls only these, with the user's token)
 * @param gatewayResponseTimeout how long a call waits for the gateway's status line, and then for the whole body of
 *                   its answer (10 s unless set, each); then the page says "try again later", as for a gateway it
 *                   cannot reach
 * @param registryNamesTtl how long a registry record the screens name (an institution's name and level, a
 *                   practitioner's name and title) is remembered after it was read (5 min unless set); then the next
 *                   screen that names it reads it again, so a rename in the registry shows within that time
 * @param signIn     {@code DEV}: the development sign-in page (run-local; tokens from the gateway's
 *                   {@code POST /auth/dev-token}); {@code OIDC}: authorization code + PKCE at the OIDC provider
 * @param demoUsers  the people the development sign-in page offers
 */
@ConfigurationProperties("console")
public record ConsoleProperties(URI gatewayUrl, Duration gatewayResponseTimeout, Duration registryNamesTtl,
                                SignIn signIn, List<DemoUser> demoUsers) {

    public ConsoleProperties {
        gatewayResponseTimeout = gatewayResponseTimeout == null ? Duration.ofSeconds(10) : gatewayResponseTimeout;
        registryNamesTtl = registryNamesTtl == null ? Duration.ofMinutes(5) : registryNamesTtl;
        signIn = signIn == null ? SignIn.OIDC : signIn;
        demoUsers = demoUsers == null ? List.of() : List.copyOf(demoUsers);
    }

    public enum SignIn { DEV, OIDC }

    /**
     * One demo person: their role at an institution (or an insurer's region), as a token will say.
     *
     * @param key         stable name used by the sign-in form
     * @param label       who this is, e.g. 石井镇中心卫生院 全科医生
     */
    public record DemoUser(String key, String subject, String role, String institutionId, String regionCode,
                           String label) {
    }
}
