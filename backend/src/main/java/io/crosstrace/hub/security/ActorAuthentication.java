package io.crosstrace.hub.security;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A verified caller in Spring Security's context: the principal is the {@link Actor}. */
public final class ActorAuthentication extends AbstractAuthenticationToken {

    private final Actor actor;

    public ActorAuthentication(Actor actor) {
        super(actor.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList());
        this.actor = actor;
        setAuthenticated(!actor.isAnonymous());
    }

    @Override
    public Actor getPrincipal() {
        return actor;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public String getName() {
        return actor.subject();
    }

    static List<String> authorities(Actor actor) {
        return actor.roles().stream().map(Role::authority).toList();
    }
}
