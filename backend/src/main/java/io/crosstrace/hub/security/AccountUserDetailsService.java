package io.crosstrace.hub.security;

import java.util.Collection;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The same users for the workspace's form sign-in as for the API's token sign-in. */
@Service
public class AccountUserDetailsService implements UserDetailsService {

    /** A signed-in workspace user; services see it as its {@link Actor}. */
    public record AccountDetails(Actor actor, String password, boolean enabled)
            implements UserDetails, CurrentActor.ActorHolder {

        @Override
        public Collection<? extends GrantedAuthority> getAuthorities() {
            List<SimpleGrantedAuthority> authorities = actor.roles().stream()
                    .map(r -> new SimpleGrantedAuthority(r.authority())).toList();
            return authorities;
        }

        @Override
        public String getPassword() {
            return password;
        }

        @Override
        public String getUsername() {
            return actor.subject();
        }

        @Override
        public boolean isEnabled() {
            return enabled;
        }
    }

    private final Accounts accounts;

    AccountUserDetailsService(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        Account account = accounts.user(username).orElseThrow(() -> new UsernameNotFoundException("No such user"));
        return new AccountDetails(account.actor(), account.secretHash(), account.maySignIn());
    }
}
