package org.smartketing.team.signin;

import java.util.List;

import org.smartketing.team.DoorRules;
import org.smartketing.team.people.People;
import org.smartketing.team.tokens.ApiTokenAuthenticationFilter;
import org.smartketing.team.tokens.ApiTokens;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Four doors: the token-issuing endpoint (HTTP Basic), the JSON API (bearer tokens, scoped),
 * operations endpoints (health for all; metrics for admins or tokens), and the pages (form login,
 * CSRF, strict content security policy). The rules here are the house's own (sign-in, first start,
 * people and teams, admin-only {@code /admin/**}, token scopes); every other part guards its own URLs
 * with a {@link DoorRules} bean, applied after the house's rules and before the general ones.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfiguration {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";
    /** Swagger UI sets inline styles; its pages get no other exception. */
    static final String DOCS_CSP = CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

    private static final AuthorizationManager<RequestAuthorizationContext> ADMIN_WRITE = PartDoors.roleAndScope("ROLE_ADMIN");

    private final PartDoors parts;

    SecurityConfiguration(List<DoorRules> parts) {
        this.parts = new PartDoors(parts);
    }

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix().role("ADMIN").implies("MANAGER")
                .role("MANAGER").implies("MEMBER").build();
    }

    /**
     * No Micrometer observation around each security filter, authentication and authorization:
     * wrapping every one of the ~15 filters cost about a tenth of the CPU of an API call. Requests
     * are still timed as a whole (http.server.requests).
     */
    @Bean
    static SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder(TeamSettings settings) {
        return new BCryptPasswordEncoder(settings.signIn().bcryptStrength());
    }

    /**
     * Every page session by its account, so a password reset or change can end the others
     * ({@link AccountSessions}): the sessions in the database (Spring Session JDBC), found by
     * principal name, whichever node holds them.
     */
    @Bean
    <S extends Session> SessionRegistry sessionRegistry(FindByIndexNameSessionRepository<S> sessions) {
        return new SpringSessionBackedSessionRegistry<>(sessions);
    }

    @Bean
    AuthenticationProvider passwordAuthentication(People people, PasswordEncoder encoder, SignInThrottle throttle) {
        return new ThrottledPasswordAuthentication(people, encoder, throttle);
    }

    @Bean
    @Order(1)
    SecurityFilterChain tokenIssuing(HttpSecurity http, ProblemResponses problems) throws Exception {
        return http.securityMatcher("/api/v1/tokens")
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(problems.unauthorized(true)))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems.unauthorized(true))
                        .accessDeniedHandler(problems.forbidden()))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain apiDocs(HttpSecurity http) throws Exception {
        return http.securityMatcher("/api/docs", "/api/docs/**", "/v3/api-docs", "/v3/api-docs.yaml",
                        "/v3/api-docs/**", "/swagger-ui/**", "/api/swagger-ui/**")
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(DOCS_CSP)))
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, ProblemResponses problems) throws Exception {
        return http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> {
                    // Admin-only writes are refused before the body is read, so no validation
                    // message leaks to a caller who may not make the change at all; the parts'
                    // rules are applied the same way.
                    a.requestMatchers(HttpMethod.POST, "/api/v1/people", "/api/v1/teams").access(ADMIN_WRITE)
                            .requestMatchers(HttpMethod.PUT, "/api/v1/people/*", "/api/v1/teams/*").access(ADMIN_WRITE);
                    parts.api(a);
                    a.requestMatchers(HttpMethod.GET, "/api/**").hasAuthority("SCOPE_read")
                            .anyRequest().hasAuthority("SCOPE_write");
                })
                .addFilterBefore(new ApiTokenAuthenticationFilter(tokens, problems.unauthorized(false)),
                        BasicAuthenticationFilter.class)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems.unauthorized(false))
                        .accessDeniedHandler(problems.forbidden()))
                .build();
    }

    @Bean
    @Order(4)
    SecurityFilterChain operations(HttpSecurity http, ApiTokens tokens, ProblemResponses problems, People people)
            throws Exception {
        return http.securityMatcher("/actuator/**")
                .addFilterAfter(new CurrentAccountFilter(people), SecurityContextHolderFilter.class)
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        // Metrics tell much about the installation: an admin, or a token made for them.
                        .requestMatchers("/actuator/prometheus", "/actuator/prometheus/**", "/actuator/metrics",
                                "/actuator/metrics/**").access(AuthorizationManagers.anyOf(
                                        AuthorityAuthorizationManager.hasRole("ADMIN"),
                                        AuthorityAuthorizationManager.hasAuthority("SCOPE_metrics")))
                        .anyRequest().access(AuthorizationManagers.anyOf(
                                AuthorityAuthorizationManager.hasRole("ADMIN"),
                                AuthorityAuthorizationManager.hasAuthority("SCOPE_read"))))
                .addFilterBefore(new ApiTokenAuthenticationFilter(tokens, problems.unauthorized(false)),
                        BasicAuthenticationFilter.class)
                .csrf(csrf -> csrf.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(problems.unauthorized(false))
                        .accessDeniedHandler(problems.forbidden()))
                .build();
    }

    @Bean
    @Order(5)
    SecurityFilterChain pages(HttpSecurity http, People people, SessionRegistry sessionRegistry) throws Exception {
        return http
                .addFilterAfter(new CurrentAccountFilter(people), SecurityContextHolderFilter.class)
                .authorizeHttpRequests(a -> {
                    a.requestMatchers("/login", "/setup", "/invitations/*", "/password-reset", "/password-reset/*",
                            "/error", "/webjars/**", "/static/**", "/favicon.ico", "/robots.txt").permitAll()
                            // whatever part an admin page belongs to, it is for admins
                            .requestMatchers("/admin/**").hasRole("ADMIN");
                    parts.pages(a);
                    a.anyRequest().authenticated();
                })
                .formLogin(form -> form.loginPage("/login").usernameParameter("email")
                        .failureHandler((request, response, ex) -> response.sendRedirect(
                                request.getContextPath() + (ex instanceof SignInThrottledException
                                        ? "/login?throttled" : "/login?error"))))
                .logout(logout -> logout.logoutSuccessUrl("/login?signedOut"))
                .csrf(csrf -> {
                    if (parts.withoutCsrf().length > 0) {
                        csrf.ignoringRequestMatchers(parts.withoutCsrf());
                    }
                })
                .sessionManagement(s -> s.sessionFixation(fixation -> fixation.changeSessionId())
                        .maximumSessions(-1).sessionRegistry(sessionRegistry).expiredUrl("/login?ended"))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CSP))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
                        .permissionsPolicyHeader(p -> p.policy("camera=(), microphone=(), geolocation=()")))
                .build();
    }
}
