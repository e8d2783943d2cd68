package io.crosstrace.hub.security;

/** Sign-in or token refresh refused; the message is safe to show and never says which part was wrong. */
public class AuthenticationFailedException extends RuntimeException {

    public AuthenticationFailedException(String message) {
        super(message);
    }
}
