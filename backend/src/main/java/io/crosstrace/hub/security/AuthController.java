package io.crosstrace.hub.security;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Partner sign-in over HTTP. Users: {@code POST /api/auth/login}, {@code /refresh}, {@code /logout} with JSON.
 * Machine clients: {@code POST /api/auth/token} with the OAuth 2.0 client-credentials grant (RFC 6749 §4.4),
 * credentials as HTTP Basic or form fields. Refusals are problem+json; tokens are never cached by proxies.
 */
@RestController
@RequestMapping("/api/auth")
class AuthController {

    record LoginRequest(String username, String password) {
    }

    record RefreshRequest(String refreshToken) {
    }

    private final AuthService auth;

    AuthController(AuthService auth) {
        this.auth = auth;
    }

    @PostMapping(path = "/login", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AuthService.Tokens> login(@RequestBody LoginRequest body, HttpServletRequest request) {
        return noStore(auth.login(body.username(), body.password(), request.getRemoteAddr()));
    }

    @PostMapping(path = "/refresh", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AuthService.Tokens> refresh(@RequestBody RefreshRequest body) {
        return noStore(auth.refresh(body.refreshToken()));
    }

    @PostMapping(path = "/logout", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> logout(@RequestBody RefreshRequest body) {
        auth.logout(body.refreshToken());
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<Map<String, Object>> token(@RequestBody MultiValueMap<String, String> form,
                                              @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                                              HttpServletRequest request) {
        if (!"client_credentials".equals(form.getFirst("grant_type"))) {
            return oauthError(HttpStatus.BAD_REQUEST, "unsupported_grant_type", "Only grant_type=client_credentials is supported");
        }
        String clientId = form.getFirst("client_id");
        String secret = form.getFirst("client_secret");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            String[] pair = decodeBasic(authorization.substring(6).strip());
            if (pair == null) {
                return oauthError(HttpStatus.BAD_REQUEST, "invalid_request", "Malformed Basic credentials");
            }
            clientId = pair[0];
            secret = pair[1];
        }
        try {
            AccessTokens.Issued issued = auth.clientToken(clientId, secret, request.getRemoteAddr());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("access_token", issued.token());
            body.put("token_type", "Bearer");
            body.put("expires_in", issued.expiresIn());
            return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").body(body);
        } catch (AuthenticationFailedException e) {
            return oauthError(HttpStatus.UNAUTHORIZED, "invalid_client", e.getMessage());
        }
    }

    @ExceptionHandler(AuthenticationFailedException.class)
    ResponseEntity<ProblemDetail> refused(AuthenticationFailedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, e.getMessage());
        problem.setType(URI.create("https://crosstrace.io/problems/authentication-failed"));
        problem.setTitle("Authentication failed");
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler(TooManyAttemptsException.class)
    ResponseEntity<ProblemDetail> tooMany(TooManyAttemptsException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, e.getMessage());
        problem.setType(URI.create("https://crosstrace.io/problems/too-many-sign-in-attempts"));
        problem.setTitle("Too many sign-in attempts");
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds())).body(problem);
    }

    private static <T> ResponseEntity<T> noStore(T body) {
        return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").body(body);
    }

    private static ResponseEntity<Map<String, Object>> oauthError(HttpStatus status, String error, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", description);
        return ResponseEntity.status(status).header(HttpHeaders.CACHE_CONTROL, "no-store").body(body);
    }

    private static String[] decodeBasic(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
