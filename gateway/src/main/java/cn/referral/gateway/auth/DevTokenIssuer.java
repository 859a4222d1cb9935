package cn.referral.gateway.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import cn.referral.platform.security.JwtCallers;
import cn.referral.platform.security.Role;

/**
 * Development token issuer for local runs: an RS256 key generated once into the data dir, tokens
 * with the platform's claims, and the public half as a JWKS that every service trusts. In any
 * other profile an OIDC provider (Keycloak in deploy/compose) plays this part.
 */
public class DevTokenIssuer {

    private static final Logger log = LoggerFactory.getLogger(DevTokenIssuer.class);
    private static final int DEFAULT_TTL_MINUTES = 60;

    private final RSAKey key;
    private final String issuer;
    private final String audience;
    private final Clock clock;

    public DevTokenIssuer(Path keyFile, String issuer, String audience, Clock clock) {
        this.key = loadOrCreate(keyFile);
        this.issuer = issuer;
        this.audience = audience;
        this.clock = clock;
    }

    public DevToken issue(DevTokenRequest request) {
        Instant now = clock.instant();
        Duration ttl = Duration.ofMinutes(request.ttlMinutes() == null ? DEFAULT_TTL_MINUTES : request.ttlMinutes());
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .jwtID(UUID.randomUUID().toString())
                .issuer(issuer)
                .audience(List.of(audience))
                .subject(request.subject())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)))
                .claim(JwtCallers.ROLES, request.roles().stream().map(Role::name).toList())
                .claim(JwtCallers.INSTITUTION, request.institutionId())
                .claim(JwtCallers.REGION, request.regionCode())
                .build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return new DevToken(jwt.serialize(), "Bearer", ttl.toSeconds());
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a development token", e);
        }
    }

    /** The public key set, as served at {@code /auth/jwks}. */
    public Map<String, Object> jwks() {
        return new JWKSet(key.toPublicJWK()).toJSONObject();
    }

    public RSAKey publicKey() {
        return key.toPublicJWK();
    }

    private static RSAKey loadOrCreate(Path keyFile) {
        try {
            if (Files.isRegularFile(keyFile)) {
                return RSAKey.parse(Files.readString(keyFile));
            }
            RSAKey generated = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .keyID("dev-" + UUID.randomUUID().toString().substring(0, 8)).generate();
            Files.createDirectories(keyFile.getParent());
            Files.writeString(keyFile, generated.toJSONString());
            try {
                Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // best effort on non-POSIX file systems
            }
            log.info("Generated the development token signing key at {}", keyFile);
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the development signing key " + keyFile, e);
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException("Unusable development signing key in " + keyFile, e);
        }
    }

    public record DevToken(String access_token, String token_type, long expires_in) {
    }
}
