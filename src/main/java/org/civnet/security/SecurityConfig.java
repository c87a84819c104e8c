package org.civnet.security;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.OPTIONS;
import static org.springframework.http.HttpMethod.PATCH;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import java.util.Arrays;
import java.util.Set;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.civnet.config.CivnetProperties;
import org.civnet.neo4j.Transactions;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.session.config.annotation.web.http.EnableSpringHttpSession;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * Who may call what. Every endpoint is listed by role here, in one place; anything not listed is
 * refused. Two kinds of client: programs send HTTP Basic or a bearer token with every request
 * (stateless, no cookie, so no CSRF surface); the web page logs in once and holds a session cookie,
 * and proves each state-changing request with the session's CSRF token.
 */
@Configuration(proxyBeanMethods = false)
@EnableSpringHttpSession
class SecurityConfig {

    static final String SESSION_PATH = "/api/session";
    static final String SESSION_COOKIE = "CIVNET_SESSION";
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
    StoreSessions storeSessions(Transactions transactions, CivnetProperties properties) {
        return new StoreSessions(transactions, properties.session().idleTimeout());
    }

    /** The page's session cookie: not readable by scripts, never sent by other sites, Secure over HTTPS. */
    @Bean
    CookieSerializer sessionCookie() {
        DefaultCookieSerializer cookie = new DefaultCookieSerializer();
        cookie.setCookieName(SESSION_COOKIE);
        cookie.setUseHttpOnlyCookie(true);
        cookie.setSameSite("Strict");
        cookie.setCookiePath("/");
        return cookie;
    }

    /**
     * Programs: every request carries its credentials (HTTP Basic or a bearer token), nothing is kept
     * between requests, so there is no cookie to forge a request with and no CSRF token to send.
     */
    @Bean
    @Order(1)
    SecurityFilterChain programs(HttpSecurity http, CredentialAuthentication credentials, BearerTokenFilter bearer,
                                 LoginThrottle throttle, ProblemResponses problems, AuditLog audit) throws Exception {
        http
                .securityMatcher(request -> request.getHeader(HttpHeaders.AUTHORIZATION) != null)
                .csrf(csrf -> csrf.disable())
                // Logging out is the page's (it has a session); a program has nothing to log out of.
                .logout(logout -> logout.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authenticationManager(new ProviderManager(credentials))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .addFilterBefore(new ThrottleFilter(throttle), BasicAuthenticationFilter.class)
                .addFilterBefore(bearer, BasicAuthenticationFilter.class)
                .addFilterBefore(new UnreadableCredentialsAudit(audit, throttle), BasicAuthenticationFilter.class)
                .addFilterAfter(new RequestUser(), BasicAuthenticationFilter.class);
        return common(http).build();
    }

    /**
     * The web page: a login form ({@code POST /api/session}) starts a session kept in the store
     * ({@link StoreSessions}) with an idle timeout; every state-changing request must carry the
     * session's CSRF token ({@code X-CSRF-TOKEN}, from {@code GET /api/session}); {@code POST
     * /api/session/logout} ends it.
     */
    @Bean
    @Order(2)
    SecurityFilterChain page(HttpSecurity http, CredentialAuthentication credentials, LoginThrottle throttle,
                             ProblemResponses problems, SessionResponses sessions) throws Exception {
        http
                .csrf(csrf -> csrf.csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(SecurityConfig::forgeable))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED)
                        .sessionFixation(f -> f.changeSessionId()))
                // The page is one page: no "saved request" to return to, so no session for an anonymous visit.
                .requestCache(cache -> cache.disable())
                .authenticationManager(new ProviderManager(credentials))
                .formLogin(form -> form.loginProcessingUrl(SESSION_PATH).successHandler(sessions)
                        .failureHandler(sessions).permitAll())
                .logout(logout -> logout.logoutUrl(SESSION_PATH + "/logout").logoutSuccessHandler(sessions)
                        .deleteCookies(SESSION_COOKIE))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .addFilterBefore(new ThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(new RequestUser(), UsernamePasswordAuthenticationFilter.class);
        return common(http).build();
    }

    /**
     * A request another site could make in the officer's name: a write that carries the session
     * cookie, and the login itself (so no site can log her into an account of its choosing). A write
     * without a session carries no authority to abuse: it is answered 401 like any anonymous call.
     */
    private static boolean forgeable(HttpServletRequest request) {
        if (Set.of("GET", "HEAD", "TRACE", "OPTIONS").contains(request.getMethod())) {
            return false;
        }
        boolean login = "POST".equals(request.getMethod()) && SESSION_PATH.equals(request.getServletPath());
        Cookie[] cookies = request.getCookies();
        return login || (cookies != null && Arrays.stream(cookies).anyMatch(c -> SESSION_COOKIE.equals(c.getName())));
    }

    /** What both kinds of client share: the headers, and who may call what. */
    private static HttpSecurity common(HttpSecurity http) throws Exception {
        return http
                .headers(h -> h
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; img-src 'self' data: blob:; "
                                + "style-src 'self' 'unsafe-inline'; object-src 'none'; frame-ancestors 'none'"))
                        .referrerPolicy(r -> r.policy(
                                org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
                .authorizeHttpRequests(auth -> auth
                        // The page and the API description are public; the page logs in through the API.
                        .requestMatchers(GET, "/", "/index.html", "/favicon.ico", "/app/**", "/webjars/**").permitAll()
                        .requestMatchers(GET, SESSION_PATH).permitAll()
                        // Error dispatches (any method) render the problem of the request that failed.
                        .requestMatchers("/error").permitAll()
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .requestMatchers(GET, "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**").hasRole(ADMIN)
                        // Import: ADMIN anything; OFFICER activity participants only (ImportScope, checked by
                        // ImportExportController by role: what a file holds is known only once it is read).
                        .requestMatchers(POST, "/api/import").hasAnyRole(ADMIN, OFFICER)
                        // Administration.
                        .requestMatchers("/api/users/**", "/api/audit/**", "/api/import/**", "/api/admin/**").hasRole(ADMIN)
                        .requestMatchers(GET, "/api/export/**").hasAnyRole(ADMIN, OFFICER, ANALYST)
                        // "Me": officers and administrators are contacts of the network; the others only read.
                        .requestMatchers(PUT, "/api/me/contact").hasAnyRole(ADMIN, OFFICER)
                        .requestMatchers("/api/tokens/**", "/api/me").authenticated()
                        // The words forms offer (enumerations, countries, themes in use): no one's data.
                        .requestMatchers(GET, "/api/vocabulary").authenticated()
                        // Reports serve every role; analyses and referrals need at least an analyst.
                        .requestMatchers(GET, "/api/reports/**", "/api/graph/stats").hasAnyRole(ADMIN, OFFICER, ANALYST, REPORTS)
                        .requestMatchers("/api/analysis/**").hasAnyRole(ADMIN, OFFICER, ANALYST)
                        .requestMatchers(GET, "/api/referrals/**").hasAnyRole(ADMIN, OFFICER, ANALYST)
                        // The network itself: analysts read (pseudonymised), officers and admins write.
                        .requestMatchers(GET, NETWORK_DATA).hasAnyRole(ADMIN, OFFICER, ANALYST)
                        .requestMatchers(GET, "/api/search").hasAnyRole(ADMIN, OFFICER, ANALYST)
                        .requestMatchers(GET, MEMORY).hasAnyRole(ADMIN, OFFICER, ANALYST)
                        // A handover by responsibility moves another officer's records: administrators only.
                        .requestMatchers(POST, "/api/handover/reassign").hasRole(ADMIN)
                        // Erasure (forget a person) and the retention review.
                        .requestMatchers(POST, "/api/contacts/*/erasure").hasRole(ADMIN)
                        .requestMatchers(GET, "/api/retention/**").hasAnyRole(ADMIN, OFFICER)
                        .requestMatchers(POST, NETWORK_DATA).hasAnyRole(ADMIN, OFFICER)
                        .requestMatchers(PUT, NETWORK_DATA).hasAnyRole(ADMIN, OFFICER)
                        .requestMatchers(DELETE, NETWORK_DATA).hasAnyRole(ADMIN, OFFICER)
                        .requestMatchers(PATCH, NETWORK_DATA).hasAnyRole(ADMIN, OFFICER)
                        // Methods no endpoint serves (OPTIONS, PATCH) reach the API to be answered 405 with Allow.
                        .requestMatchers(OPTIONS, "/api/**").authenticated()
                        .requestMatchers(PATCH, "/api/**").authenticated()
                        .anyRequest().denyAll());
    }
}
