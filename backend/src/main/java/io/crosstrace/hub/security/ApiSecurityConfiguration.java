package io.crosstrace.hub.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * The HTTP side of the API: stateless, bearer tokens only, no cookies (so no CSRF to defend against).
 * Paths here are open at the HTTP level on purpose: each service decides what its caller may see and do,
 * so the API and the workspace obey the same rules. The workspace has its own chain (form login, session).
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity
class ApiSecurityConfiguration {

    /** Everything that is not the Vaadin workspace. */
    static final String[] API_PATHS = {"/api/**", "/graphql", "/graphql/**", "/graphiql", "/graphiql/**", "/epcis/**",
            "/actuator/**", "/.well-known/**", "/01/**", "/414/**", "/scan/**", "/certificates/**", "/scan-reports",
            "/error"};

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, AccessTokens tokens) throws Exception {
        return http.securityMatcher(API_PATHS)
                .addFilterBefore(new BearerTokenFilter(tokens), AnonymousAuthenticationFilter.class)
                .csrf(csrf -> csrf.disable())
                .cors(Customizer.withDefaults())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info").permitAll()
                                .requestMatchers("/actuator/**").hasAnyRole(Role.PLATFORM_ADMIN.name(), Role.ANALYST.name())
                        .anyRequest().permitAll())
                .exceptionHandling(e -> e.authenticationEntryPoint(ProblemResponses::unauthorized)
                        .accessDeniedHandler(ProblemResponses::forbidden))
                .build();
    }
}
