package io.crosstrace.workspace.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;

/**
 * The workspace signs partners in with a form and keeps them in the HTTP session (sticky sessions behind a load
 * balancer), with the same users as the API. Everything the API chain does not match lands here; views declare
 * who may open them, and the services they call apply the partner rules again.
 */
@Configuration
class WorkspaceSecurityConfiguration {

    /**
     * Public static files: the browser libraries (WebJars) the scan and graph views load at run time, and the
     * workspace's stylesheet. They hold no data; the sign-in page needs the stylesheet before anyone is signed in.
     */
    static final String[] STATIC_FILES = {"/webjars/**", "/workspace/**"};

    @Bean
    @Order(2)
    SecurityFilterChain workspaceSecurityFilterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth.requestMatchers(STATIC_FILES).permitAll());
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class)).build();
    }
}
