package cn.referral.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import cn.referral.platform.security.Role;

/**
 * Signs tokens the way the platform's issuer does, with a key made for this test JVM. Services
 * under test trust its public key ({@link #publicKeyLocation()}), so tests act as any role.
 */
public final class TestTokens {

    public static final String ISSUER = "https://issuer.test/referral-platform";
    public static final String AUDIENCE = "referral-platform";

    private static final KeyPair KEYS = generate();
    private static final Path PUBLIC_KEY = writePublicKey();

    private TestTokens() {
    }

    /** {@code file:} URL of the PEM public key, for {@code platform.security.public-key-location}. */
    public static String publicKeyLocation() {
        return PUBLIC_KEY.toUri().toString();
    }

    /**
     * The signing key itself (private half included) as a JWK, for a development token issuer that
     * must sign as the tests do: the gateway's local profile reads it from its data dir, so a browser
     * test can sign in through the gateway and the services under test trust the result.
     */
    public static String signingKeyJwk() {
        return new RSAKey.Builder((RSAPublicKey) KEYS.getPublic()).privateKey((RSAPrivateKey) KEYS.getPrivate())
                .keyID("test").build().toJSONString();
    }

    /** A valid token for one role at one institution. */
    public static String token(Role role, String institutionId) {
        return token("user-" + role.name().toLowerCase() + "@" + institutionId, institutionId, null, role);
    }

    public static String insurer(String regionCode) {
        return token("insurer-" + regionCode, null, regionCode, Role.INSURER);
    }

    public static String token(String subject, String institutionId, String regionCode, Role... roles) {
        return sign(claims(subject, institutionId, regionCode, roles).build());
    }

    /** Starts from valid claims, for tests of bad tokens (expired, wrong issuer, wrong audience). */
    public static JWTClaimsSet.Builder claims(String subject, String institutionId, String regionCode, Role... roles) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .jwtID(UUID.randomUUID().toString())
                .issuer(ISSUER)
                .audience(List.of(AUDIENCE))
                .subject(subject)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofHours(1))))
                .claim("roles", Arrays.stream(roles).map(Role::name).toList())
                .claim("inst", institutionId)
                .claim("region", regionCode);
    }

    public static String sign(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("test").build(), claims);
            jwt.sign(new RSASSASigner((RSAPrivateKey) KEYS.getPrivate()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path writePublicKey() {
        try {
            Path file = Files.createTempFile("test-token-key", ".pem");
            file.toFile().deleteOnExit();
            String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(KEYS.getPublic().getEncoded());
            Files.writeString(file, "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
