package org.civnet.security;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.OPTIONS;
import static org.springframework.http.HttpMethod.PATCH;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Who may call what. Every endpoint is listed by role here, in one place; anything not listed
 * needs at least a login. Stateless: HTTP Basic for people, bearer tokens for programs, no
 * session cookie (so no CSRF surface).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    static final String ADMIN = Role.ADMIN.name();
    static final String OFFICER = Role.OFFICER.name();
    static final String ANALYST = Role.ANALYST.name();
    static final String REPORTS = Role.REPORTS.name();
    private static final String[] NETWORK_DATA = {"/api/contacts/**", "/api/organisations/**", "/api/mandates/**",
            "/api/networks/**", "/api/ties/**", "/api/introductions/**", "/api/activities/**", "/api/communications/**",
            "/api/country-visits/**", "/api/trainings/**"};
    /** Institutional memory: read-only views over the network, pseudonymised for analysts. */
    private static final String[] MEMORY = {"/api/history/**", "/api/handover/**", "/api/followups/**"};

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder(12);
    }

    @Bean
    BearerTokenFilter bearerTokenFilter(UserAccounts accounts, ProblemResponses problems, AuditLog audit) {
        return new BearerTokenFilter(accounts, problems, audit);
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, CredentialAuthentication credentials, BearerTokenFilter bearer,
                            LoginThrottle throttle, ProblemResponses problems, AuditLog audit) throws Exception {
        AuthenticationManager manager = new ProviderManager(credentials);
        http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authenticationManager(manager)
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .addFilterBefore(new ThrottleFilter(throttle), BasicAuthenticationFilter.class)
                .addFilterBefore(bearer, BasicAuthenticationFilter.class)
                .addFilterBefore(new UnreadableCredentialsAudit(audit, throttle), BasicAuthenticationFilter.class)
                .addFilterAfter(new RequestUser(), BasicAuthenticationFilter.class)
                .headers(h -> h
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; img-src 'self' data: blob:; "
                                + "style-src 'self' 'unsafe-inline'; object-src 'none'; frame-ancestors 'none'"))
                        .referrerPolicy(r -> r.policy(
                                org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
                .authorizeHttpRequests(auth -> auth
                        // The page and the API description are public; the page logs in through the API.
                        .requestMatchers(GET, "/", "/index.html", "/favicon.ico", "/app/**", "/webjars/**").permitAll()
                        // Error dispatches (any method) render the problem of the request that failed.
                        .requestMatchers("/error").permitAll()
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .requestMatchers(GET, "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**").hasRole(ADMIN)
                        // Administration.
                        .requestMatchers("/api/users/**", "/api/audit/**", "/api/import/**", "/api/admin/**").hasRole(ADMIN)
                        .requestMatchers(GET, "/api/export/**").hasAnyRole(ADMIN, OFFICER, ANALYST)
                        .requestMatchers("/api/tokens/**", "/api/me").authenticated()
                        // Reports serve every role; analyses and referrals need at least an analyst.
                        .requestMatchers(GET, "/api/reports/**", "/api/graph/stats").hasAnyRole(ADMIN, OFFICER, ANALYST, REPORTS)
                        .requestMatchers("/api/analysis/**").hasAnyRole(ADMIN, OFFICER, ANALYST)
                        .requestMatchers(GET, "/api/referrals/**").hasAnyRole(ADMIN, OFFICER, ANALYST)
                        // The network itself: analysts read (pseudonymised), officers and admins write.
                        .requestMatchers(GET, NETWORK_DATA).hasAnyRole(ADMIN, OFFICER, ANALYST)
                        .requestMatchers(GET, MEMORY).hasAnyRole(ADMIN, OFFICER, ANALYST)
                        .requestMatchers(POST, NETWORK_DATA).hasAnyRole(ADMIN, OFFICER)
                        .requestMatchers(PUT, NETWORK_DATA).hasAnyRole(ADMIN, OFFICER)
                        .requestMatchers(DELETE, NETWORK_DATA).hasAnyRole(ADMIN, OFFICER)
                        // Methods no endpoint serves (OPTIONS, PATCH) reach the API to be answered 405 with Allow.
                        .requestMatchers(OPTIONS, "/api/**").authenticated()
                        .requestMatchers(PATCH, "/api/**").authenticated()
                        .anyRequest().denyAll());
        return http.build();
    }
}
