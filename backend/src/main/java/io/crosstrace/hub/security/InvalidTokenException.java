package io.crosstrace.hub.security;

import org.springframework.security.core.AuthenticationException;

/** A token that does not verify, has expired, or was revoked. The message is safe to show to the caller. */
public class InvalidTokenException extends AuthenticationException {

    public InvalidTokenException(String message) {
        super(message);
    }

    public InvalidTokenException(String message, Throwable cause) {
        super(message, cause);
    }
}
