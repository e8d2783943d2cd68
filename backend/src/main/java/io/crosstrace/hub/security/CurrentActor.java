package io.crosstrace.hub.security;

import java.util.function.Supplier;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The caller of the current request or workspace session, and the checks every service starts with.
 * An unauthenticated caller is {@link Actor#ANONYMOUS}, never null.
 */
public final class CurrentActor {

    private CurrentActor() {
    }

    public static Actor get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            return Actor.ANONYMOUS;
        }
        if (authentication.getPrincipal() instanceof Actor actor) {
            return actor;
        }
        if (authentication.getPrincipal() instanceof ActorHolder holder) {
            return holder.actor();
        }
        return Actor.ANONYMOUS;
    }

    /**
     * The caller, who must be signed in and hold one of these roles (any role when none is given).
     *
     * @throws AuthenticationCredentialsNotFoundException anonymous: GraphQL classifies it UNAUTHORIZED, HTTP 401
     * @throws AccessDeniedException                      signed in without such a role: FORBIDDEN, HTTP 403
     */
    public static Actor require(Role... anyOf) {
        Actor actor = get();
        if (actor.isAnonymous()) {
            throw new AuthenticationCredentialsNotFoundException("Sign in first: this needs a partner's access token");
        }
        if (anyOf.length > 0 && !actor.hasAny(anyOf)) {
            throw new AccessDeniedException("This needs one of the roles " + java.util.Arrays.toString(anyOf));
        }
        return actor;
    }

    /** Fails unless the condition holds, with a message that tells the caller what it may not do. */
    public static void check(boolean allowed, String whatIsDenied) {
        if (!allowed) {
            throw new AccessDeniedException(whatIsDenied);
        }
    }

    /** Runs work as another actor (background jobs, seeding, tests), restoring the caller's context after. */
    public static <T> T callAs(Actor actor, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new ActorAuthentication(actor));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    public static void runAs(Actor actor, Runnable work) {
        callAs(actor, () -> {
            work.run();
            return null;
        });
    }

    /** A principal that carries an actor, e.g. the workspace's signed-in user. */
    public interface ActorHolder {
        Actor actor();
    }
}
