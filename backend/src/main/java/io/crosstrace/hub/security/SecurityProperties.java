package io.crosstrace.hub.security;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Partner sign-in and tokens.
 *
 * @param issuer              the {@code iss} of access tokens; verifiers require it
 * @param audience            the {@code aud} of access tokens; verifiers require it
 * @param accessTokenTtl      lifetime of an access token: short, because a stolen one cannot be revoked
 * @param refreshTokenTtl     lifetime of a refresh token; each use replaces it by a new one
 * @param clockSkew           tolerance for clocks of other verifiers when checking exp and nbf
 * @param tokenKeyDir         folder of the ES256 (P-256) private keys, one PKCS#8 PEM file {@code {kid}.pem} per
 *                            key; all are published as JWKS and verify, the current one signs. Unset: {@code
 *                            keys/tokens} under the data folder (a development key is generated on first start),
 *                            or memory only for an ephemeral store (tests). Instances behind one load balancer
 *                            must share these keys
 * @param tokenKeyPem         alternatively the current private key itself, PKCS#8 PEM, e.g. from a secret store
 *                            through the environment ({@code CROSSTRACE_SECURITY_TOKEN_KEY_PEM}); wins over the folder
 * @param currentKeyId        the key id that signs new tokens
 * @param loginAttempts       failed sign-ins allowed per username and, separately, ten times as many per client
 *                            address, within {@code loginWindow}; more answer 429
 * @param loginWindow         the window of that limit
 * @param demoPassword        password of the seeded demo users; they exist only in a hub that loaded the demo world
 */
@ConfigurationProperties("crosstrace.security")
public record SecurityProperties(
        @DefaultValue("crosstrace") String issuer,
        @DefaultValue("crosstrace-api") String audience,
        @DefaultValue("10m") Duration accessTokenTtl,
        @DefaultValue("14d") Duration refreshTokenTtl,
        @DefaultValue("30s") Duration clockSkew,
        Path tokenKeyDir,
        String tokenKeyPem,
        @DefaultValue("t1") String currentKeyId,
        @DefaultValue("5") int loginAttempts,
        @DefaultValue("15m") Duration loginWindow,
        String demoPassword) {
}
