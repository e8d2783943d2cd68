package io.crosstrace.hub.security;

import java.util.Optional;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.crosstrace.hub.graphdb.RetryingTransactionTemplate;

/**
 * Sign-in, token refresh with rotation, sign-out and the client-credentials grant. Every refusal says the
 * same thing whatever the cause (unknown user, wrong password, disabled account), so it reveals nothing.
 */
@Service
public class AuthService {

    /** What a sign-in or refresh hands out. */
    public record Tokens(String accessToken, String refreshToken, long expiresIn) {
    }

    private record Rotated(Actor actor, String refreshToken) {
    }

    static final String REFUSED = "Wrong username or password, or the account may not sign in";

    private final Accounts accounts;
    private final AccessTokens accessTokens;
    private final RefreshTokens refreshTokens;
    private final PasswordEncoder passwords;
    private final LoginRateLimiter limiter;
    private final TransactionTemplate transactions;
    /** Checked against when the user is unknown, so that case takes as long as a wrong password. */
    private final String decoyHash;

    AuthService(Accounts accounts, AccessTokens accessTokens, RefreshTokens refreshTokens, PasswordEncoder passwords,
                LoginRateLimiter limiter, PlatformTransactionManager transactionManager) {
        this.accounts = accounts;
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.passwords = passwords;
        this.limiter = limiter;
        this.transactions = new RetryingTransactionTemplate(transactionManager);
        this.decoyHash = passwords.encode("decoy-password-never-used");
    }

    public Tokens login(String username, String password, String clientAddress) {
        if (username == null || username.isBlank() || password == null || username.length() > 200 || password.length() > 200) {
            throw new AuthenticationFailedException(REFUSED);
        }
        long wait = limiter.retryAfterSeconds(username, clientAddress);
        if (wait > 0) {
            throw new TooManyAttemptsException(wait);
        }
        Optional<Account> account = transactions.execute(s -> accounts.user(username));
        boolean matches = passwords.matches(password, account.map(Account::secretHash).orElse(decoyHash));
        if (account.isEmpty() || !matches || !account.get().maySignIn()) {
            limiter.failed(username, clientAddress);
            throw new AuthenticationFailedException(REFUSED);
        }
        limiter.succeeded(username);
        Actor actor = account.get().actor();
        String refresh = transactions.execute(s -> refreshTokens.issue(actor, null));
        AccessTokens.Issued access = accessTokens.issue(actor);
        return new Tokens(access.token(), refresh, access.expiresIn());
    }

    /** Exchanges a refresh token for new tokens; a reused one revokes its whole family. */
    public Tokens refresh(String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank() || refreshToken.length() > 200) {
            throw new AuthenticationFailedException("A refresh token is required");
        }
        Object outcome = transactions.execute(s -> {
            RefreshTokens.Lookup lookup = refreshTokens.use(refreshToken);
            if (lookup instanceof RefreshTokens.Lookup.Reused reused) {
                refreshTokens.revokeFamily(reused.family());
                return new AuthenticationFailedException("The refresh token was already used; every token of this "
                        + "sign-in is revoked now. Sign in again.");
            }
            if (lookup instanceof RefreshTokens.Lookup.Unusable unusable) {
                return new AuthenticationFailedException(unusable.reason());
            }
            RefreshTokens.Lookup.Current current = (RefreshTokens.Lookup.Current) lookup;
            Optional<Account> account = "CLIENT".equals(current.kind()) ? accounts.client(current.subject())
                    : accounts.user(current.subject());
            if (account.isEmpty() || !account.get().maySignIn()) {
                refreshTokens.revokeFamily(current.family());
                return new AuthenticationFailedException(REFUSED);
            }
            Actor actor = account.get().actor();
            return new Rotated(actor, refreshTokens.issue(actor, current.family()));
        });
        // The revocation above must commit, so the refusal is thrown only once the transaction is over.
        if (outcome instanceof AuthenticationFailedException refused) {
            throw refused;
        }
        Rotated rotated = (Rotated) outcome;
        AccessTokens.Issued access = accessTokens.issue(rotated.actor());
        return new Tokens(access.token(), rotated.refreshToken(), access.expiresIn());
    }

    /** Revokes the sign-in a refresh token belongs to (all its rotations). */
    public void logout(String refreshToken) {
        if (refreshToken != null && !refreshToken.isBlank() && refreshToken.length() <= 200) {
            transactions.executeWithoutResult(s -> refreshTokens.revokeFamilyOf(refreshToken));
        }
    }

    /** The client-credentials grant: a machine client of a partner system gets an access token, no refresh token. */
    public AccessTokens.Issued clientToken(String clientId, String secret, String clientAddress) {
        if (clientId == null || clientId.isBlank() || secret == null || clientId.length() > 200 || secret.length() > 200) {
            throw new AuthenticationFailedException(REFUSED);
        }
        long wait = limiter.retryAfterSeconds("client:" + clientId, clientAddress);
        if (wait > 0) {
            throw new TooManyAttemptsException(wait);
        }
        Optional<Account> client = transactions.execute(s -> accounts.client(clientId));
        boolean matches = passwords.matches(secret, client.map(Account::secretHash).orElse(decoyHash));
        if (client.isEmpty() || !matches || !client.get().maySignIn()) {
            limiter.failed("client:" + clientId, clientAddress);
            throw new AuthenticationFailedException(REFUSED);
        }
        limiter.succeeded("client:" + clientId);
        return accessTokens.issue(client.get().actor());
    }

    /** Platform administrators revoke every refresh token of a user (a lost device, a leaver). */
    public long revokeTokensOf(String username) {
        CurrentActor.require(Role.PLATFORM_ADMIN);
        return transactions.execute(s -> refreshTokens.revokeAllOf(username));
    }
}
