package org.smartketing.web;

import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smartketing.support.Fixtures;
import org.smartketing.support.IntegrationTest;
import org.smartketing.team.AppRole;
import org.smartketing.team.people.Person;
import org.smartketing.team.tokens.TokenScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Who may use which endpoint. Every endpoint the application maps must be listed here with the
 * callers it lets in; a new endpoint that is not listed, or a caller let in where it is not
 * listed (or kept out where it is), fails the build.
 */
@IntegrationTest
class RoleMatrixTests {

    enum Caller {
        ANONYMOUS, MEMBER, MANAGER, ADMIN, ADMIN_READ_TOKEN, ADMIN_WRITE_TOKEN, MANAGER_WRITE_TOKEN, MEMBER_WRITE_TOKEN,
        ADMIN_BASIC
    }

    static final Set<Caller> EVERYONE = EnumSet.allOf(Caller.class);
    static final Set<Caller> SIGNED_IN = EnumSet.of(Caller.MEMBER, Caller.MANAGER, Caller.ADMIN);
    static final Set<Caller> ADMINS = EnumSet.of(Caller.ADMIN);
    static final Set<Caller> MANAGERS = EnumSet.of(Caller.MANAGER, Caller.ADMIN);
    static final Set<Caller> ANY_TOKEN = EnumSet.of(Caller.ADMIN_READ_TOKEN, Caller.ADMIN_WRITE_TOKEN,
            Caller.MANAGER_WRITE_TOKEN, Caller.MEMBER_WRITE_TOKEN);
    static final Set<Caller> ADMIN_WRITE_TOKEN = EnumSet.of(Caller.ADMIN_WRITE_TOKEN);
    /** Read-write tokens of any role: writes whose body decides what the role allows (leads, activities). */
    static final Set<Caller> MANAGER_WRITE_TOKENS = EnumSet.of(Caller.ADMIN_WRITE_TOKEN, Caller.MANAGER_WRITE_TOKEN);
    /** Tokens of managers and admins that may read (a manager's read-only token is not among the callers). */
    static final Set<Caller> MANAGER_READ_TOKENS = EnumSet.of(Caller.ADMIN_READ_TOKEN, Caller.ADMIN_WRITE_TOKEN,
            Caller.MANAGER_WRITE_TOKEN);
    static final Set<Caller> WRITE_TOKENS = EnumSet.of(Caller.ADMIN_WRITE_TOKEN, Caller.MANAGER_WRITE_TOKEN,
            Caller.MEMBER_WRITE_TOKEN);
    static final Set<Caller> BASIC_CREDENTIALS = EnumSet.of(Caller.ADMIN_BASIC);
    static final Set<Caller> METRICS = EnumSet.of(Caller.ADMIN, Caller.ADMIN_READ_TOKEN, Caller.ADMIN_WRITE_TOKEN,
            Caller.MANAGER_WRITE_TOKEN, Caller.MEMBER_WRITE_TOKEN);
    /** Prometheus: admins only (a member's token with the {@code metrics} scope too: OperationsTests). */
    static final Set<Caller> ADMINS_AND_THEIR_TOKENS = EnumSet.of(Caller.ADMIN, Caller.ADMIN_READ_TOKEN,
            Caller.ADMIN_WRITE_TOKEN);

    /** "METHOD pattern" (as mapped) → who gets in. {@code *} stands for a mapping that takes any method. */
    static final Map<String, Set<Caller>> MATRIX = new LinkedHashMap<>();

    static {
        // Public: sign-in, first start (gone once set up), invitations, password reset, errors, docs, health.
        Stream.of("GET /login", "POST /setup", "GET /favicon.ico", "GET /robots.txt", "GET /invitations/{secret}", "POST /invitations/{secret}",
                "GET /password-reset", "POST /password-reset", "GET /password-reset/{secret}",
                "POST /password-reset/{secret}", "* /error", "GET /api/docs", "GET /v3/api-docs",
                "GET /v3/api-docs.yaml", "GET /v3/api-docs/swagger-config", "GET /actuator/health",
                "GET /actuator/health/**").forEach(e -> MATRIX.put(e, EVERYONE));
        // Set up already: the first-start page sends everyone to sign-in.
        MATRIX.put("GET /setup", EnumSet.noneOf(Caller.class));
        // Pages for everyone signed in.
        Stream.of("GET /", "GET /search", "GET /people", "GET /people/{id}", "GET /profile", "GET /profile/edit", "POST /profile",
                "GET /profile/password", "POST /profile/password",
                "GET /teams", "GET /teams/{id}", "GET /tokens", "POST /tokens", "POST /tokens/{id}/revoke",
                "GET /activities", "POST /activities")
                .forEach(e -> MATRIX.put(e, SIGNED_IN));
        // Admin pages.
        Stream.of("GET /people/invite", "POST /people", "GET /people/{id}/edit", "POST /people/{id}",
                "GET /people/{id}/disable", "POST /people/{id}/disable", "POST /people/{id}/enable",
                "POST /people/{id}/invitation", "GET /teams/new", "POST /teams", "GET /teams/{id}/edit",
                "POST /teams/{id}", "GET /admin/audit", "GET /admin/outbox", "GET /admin/web-forms",
                "POST /admin/web-forms").forEach(e -> MATRIX.put(e, ADMINS));
        // JSON API: reads for any token, admin writes for an admin's read-write token only.
        Stream.of("GET /api/v1/people", "GET /api/v1/people/{id}", "GET /api/v1/teams", "GET /api/v1/teams/{id}",
                "GET /api/v1/activities", "GET /api/v1/activities/{id}").forEach(e -> MATRIX.put(e, ANY_TOKEN));
        Stream.of("POST /api/v1/people", "PUT /api/v1/people/{id}", "POST /api/v1/teams", "PUT /api/v1/teams/{id}")
                .forEach(e -> MATRIX.put(e, ADMIN_WRITE_TOKEN));
        // Any read-write token logs activities; whether it may log for someone else depends on its owner's role ...
        MATRIX.put("POST /api/v1/activities", WRITE_TOKENS);
        // ... and corrects or removes them: a member's own, a manager's or admin's anyone's.
        MATRIX.put("PUT /api/v1/activities/{id}", WRITE_TOKENS);
        MATRIX.put("DELETE /api/v1/activities/{id}", WRITE_TOKENS);
        MATRIX.put("POST /api/v1/tokens", BASIC_CREDENTIALS);
        Stream.of("GET /api/v1/leads", "GET /api/v1/leads/{id}", "GET /api/v1/leads/{id}/history",
                "GET /api/v1/campaigns", "GET /api/v1/campaigns/{id}", "GET /api/v1/campaigns/attribution")
                .forEach(e -> MATRIX.put(e, ANY_TOKEN));
        Stream.of("POST /api/v1/leads", "POST /api/v1/leads/batch", "POST /api/v1/campaigns", "PATCH /api/v1/leads/{id}",
                "POST /api/v1/leads/{id}/transitions").forEach(e -> MATRIX.put(e, WRITE_TOKENS));
        // Editing, deleting and merging leads: anyone who works on leads, by page and by read-write token.
        MATRIX.put("GET /api/v1/leads/duplicates", ANY_TOKEN);
        Stream.of("DELETE /api/v1/leads/{id}", "POST /api/v1/leads/{id}/restore", "PUT /api/v1/leads/{id}/owner",
                "POST /api/v1/leads/{id}/merge", "POST /api/v1/leads/{id}/merge/undo",
                "POST /api/v1/leads/duplicates/dismissals").forEach(e -> MATRIX.put(e, WRITE_TOKENS));
        Stream.of("GET /leads/{id}/edit", "POST /leads/{id}", "POST /leads/{id}/owner", "GET /leads/{id}/delete",
                "POST /leads/{id}/delete", "POST /leads/{id}/restore", "GET /leads/deleted", "GET /leads/duplicates",
                "POST /leads/duplicates/dismiss", "GET /leads/{id}/merge", "POST /leads/{id}/merge",
                "POST /leads/{id}/merge/undo", "POST /leads/bulk", "POST /leads/{id}/activities").forEach(e -> MATRIX.put(e, SIGNED_IN));
        Stream.of("GET /leads", "GET /leads/new", "POST /leads", "GET /leads/{id}", "GET /leads/{id}/move",
                "POST /leads/{id}/move", "POST /leads/views", "POST /leads/views/{id}/delete", "GET /pipeline",
                "GET /campaigns", "POST /campaigns")
                .forEach(e -> MATRIX.put(e, SIGNED_IN));
        // Scoring and routing: rules readable by any token, replaced by an admin; routing on demand by managers.
        Stream.of("GET /api/v1/leads/{id}/score", "GET /api/v1/scoring", "GET /api/v1/routing/rules")
                .forEach(e -> MATRIX.put(e, ANY_TOKEN));
        Stream.of("PUT /api/v1/scoring", "PUT /api/v1/routing/rules").forEach(e -> MATRIX.put(e, ADMIN_WRITE_TOKEN));
        MATRIX.put("POST /api/v1/leads/{id}/route", MANAGER_WRITE_TOKENS);
        // Website forms by API and their page: admins only.
        Stream.of("GET /api/v1/web-forms", "GET /api/v1/web-forms/{id}")
                .forEach(e -> MATRIX.put(e, EnumSet.of(Caller.ADMIN_READ_TOKEN, Caller.ADMIN_WRITE_TOKEN)));
        Stream.of("POST /api/v1/web-forms", "PATCH /api/v1/web-forms/{id}", "DELETE /api/v1/web-forms/{id}")
                .forEach(e -> MATRIX.put(e, ADMIN_WRITE_TOKEN));
        Stream.of("GET /admin/web-forms/{id}", "POST /admin/web-forms/{id}", "POST /admin/web-forms/{id}/active")
                .forEach(e -> MATRIX.put(e, ADMINS));
        // Custom lead fields: read by any token, defined by admins.
        MATRIX.put("GET /api/v1/custom-fields", ANY_TOKEN);
        Stream.of("POST /api/v1/custom-fields", "PATCH /api/v1/custom-fields/{key}", "DELETE /api/v1/custom-fields/{key}")
                .forEach(e -> MATRIX.put(e, ADMIN_WRITE_TOKEN));
        Stream.of("GET /admin/scoring", "POST /admin/scoring/threshold", "POST /admin/scoring/fit-rules",
                "POST /admin/scoring/fit-rules/{id}/remove", "POST /admin/scoring/engagement-rules",
                "POST /admin/scoring/engagement-rules/{type}/remove", "GET /admin/routing", "POST /admin/routing/rules",
                "POST /admin/routing/rules/{id}/remove", "POST /admin/routing/rules/{id}/up", "POST /admin/routing/cap",
                "POST /admin/routing/out-of-office", "POST /admin/routing/out-of-office/{id}/remove")
                .forEach(e -> MATRIX.put(e, ADMINS));
        // The handoff SLA: everyone reads it; managers change and sign it on the page (a manager of sales or
        // marketing, for their own department: the callers here are in sales); by API, admins change it and a
        // manager's read-write token signs (here the admin's, who manages sales).
        Stream.of("GET /sla", "GET /sla/report").forEach(e -> MATRIX.put(e, SIGNED_IN));
        Stream.of("POST /sla", "POST /sla/signatures").forEach(e -> MATRIX.put(e, MANAGERS));
        Stream.of("GET /api/v1/sla", "GET /api/v1/sla/report").forEach(e -> MATRIX.put(e, ANY_TOKEN));
        MATRIX.put("PUT /api/v1/sla", ADMIN_WRITE_TOKEN);
        MATRIX.put("POST /api/v1/sla/signatures", MANAGER_WRITE_TOKENS);
        // Communication reach: everyone keeps their own page and inbox and reads the charter; by API any token
        // reads a person's expectations, the person or an admin changes them (the target here is someone else),
        // and only the person adds and verifies their own contact methods (the code goes to them): nobody here.
        Stream.of("GET /reach", "POST /reach/expectations", "POST /reach/phone", "POST /reach/chat",
                "POST /reach/{kind}/verify", "POST /reach/{kind}/resend", "POST /reach/{kind}/remove",
                "POST /reach/off-grid", "POST /reach/off-grid/{id}/remove", "GET /charter", "GET /inbox",
                "GET /inbox/unread", "POST /inbox/{id}/read", "POST /inbox/read").forEach(e -> MATRIX.put(e, SIGNED_IN));
        Stream.of("GET /api/v1/people/{id}/expectations", "GET /api/v1/people/{id}/off-grid")
                .forEach(e -> MATRIX.put(e, ANY_TOKEN));
        Stream.of("PUT /api/v1/people/{id}/expectations", "POST /api/v1/people/{id}/off-grid")
                .forEach(e -> MATRIX.put(e, ADMIN_WRITE_TOKEN));
        Stream.of("POST /api/v1/people/{id}/contact-methods", "POST /api/v1/people/{id}/contact-methods/{type}/verification")
                .forEach(e -> MATRIX.put(e, EnumSet.noneOf(Caller.class)));
        // Removing an off-grid period: any read-write token is heard (404 for an unknown period), the owner or an admin may.
        MATRIX.put("DELETE /api/v1/off-grid/{id}", WRITE_TOKENS);
        // Meetings: everyone signed in plans and runs meetings; who may change which meeting (organizer,
        // sponsor, attendees) is decided by the meeting itself, not by role.
        Stream.of("GET /meetings", "GET /meetings/series/new", "POST /meetings/series", "GET /meetings/series/{id}",
                "GET /meetings/series/{id}/calendar.ics",
                "POST /meetings/series/{id}", "POST /meetings/series/{id}/cancel", "GET /meetings/{id}",
                "POST /meetings/{id}", "POST /meetings/{id}/cancel", "POST /meetings/{id}/agenda",
                "POST /meetings/{id}/start", "GET /meetings/{id}/run", "POST /meetings/{id}/run/step",
                "POST /meetings/{id}/run/ideas", "POST /meetings/{id}/run/items", "POST /meetings/{id}/run/commitments",
                "POST /meetings/{id}/run/ratings", "POST /meetings/{id}/run/close",
                "POST /meetings/{id}/run/follow-up/{itemId}", "GET /action-items", "POST /action-items/{id}",
                "GET /meetings/measures", "GET /meetings/calendar", "POST /meetings/calendar",
                "POST /meetings/calendar/revoke").forEach(e -> MATRIX.put(e, SIGNED_IN));
        // A calendar app subscribes with the secret in the URL and no session.
        MATRIX.put("GET /calendar/{secret}.ics", EVERYONE);
        Stream.of("GET /api/v1/meeting-series", "GET /api/v1/meeting-series/{id}", "GET /api/v1/meeting-series/{id}/ics",
                "GET /api/v1/meeting-series/calendar.ics", "GET /api/v1/meetings/{id}", "GET /api/v1/action-items",
                "GET /api/v1/meeting-measures").forEach(e -> MATRIX.put(e, ANY_TOKEN));
        Stream.of("POST /api/v1/meeting-series", "PUT /api/v1/meeting-series/{id}", "DELETE /api/v1/meeting-series/{id}",
                "PATCH /api/v1/meetings/{id}", "POST /api/v1/meetings/{id}/cancel", "POST /api/v1/meetings/{id}/agenda",
                "POST /api/v1/meetings/{id}/start", "POST /api/v1/meetings/{id}/step", "POST /api/v1/meetings/{id}/ideas",
                "POST /api/v1/meetings/{id}/plans", "POST /api/v1/meetings/{id}/commitments",
                "POST /api/v1/meetings/{id}/ratings", "POST /api/v1/meetings/{id}/close",
                "PATCH /api/v1/action-items/{id}").forEach(e -> MATRIX.put(e, WRITE_TOKENS));
        // Goals: any token reads; any read-write token sets, adjusts, checks in and reviews (the goal decides who
        // may: its team, sponsor or managers) and endorses (the heads of sales and marketing, or the sponsor).
        Stream.of("GET /api/v1/goals", "GET /api/v1/goals/{id}", "GET /api/v1/goals/{id}/check-ins",
                "GET /api/v1/goals/{id}/revisions", "GET /api/v1/goals/{id}/endorsements", "GET /api/v1/goals/{id}/reviews")
                .forEach(e -> MATRIX.put(e, ANY_TOKEN));
        Stream.of("GET /goals", "GET /goals/new", "POST /goals", "GET /goals/mine", "GET /goals/{id}",
                "POST /goals/{id}/check-ins", "POST /goals/{id}/endorsements", "POST /goals/{id}/reviews")
                .forEach(e -> MATRIX.put(e, SIGNED_IN));
        Stream.of("POST /api/v1/goals", "POST /api/v1/goals/{id}/check-ins", "POST /api/v1/goals/{id}/revisions",
                "POST /api/v1/goals/{id}/endorsements", "POST /api/v1/goals/{id}/reviews")
                .forEach(e -> MATRIX.put(e, WRITE_TOKENS));
        // Goal sessions: every one signed in opens them; the session decides who joins (the team) and changes it.
        Stream.of("GET /goal-sessions/new", "POST /goal-sessions", "GET /goal-sessions/{id}",
                "POST /goal-sessions/{id}/participants", "POST /goal-sessions/{id}/proposals", "POST /goal-sessions/{id}/votes",
                "POST /goal-sessions/{id}/proposals/{proposalId}", "POST /goal-sessions/{id}/commitments",
                "POST /goal-sessions/{id}/step").forEach(e -> MATRIX.put(e, SIGNED_IN));
        MATRIX.put("GET /api/v1/goal-sessions/{id}", ANY_TOKEN);
        Stream.of("POST /api/v1/goal-sessions", "POST /api/v1/goal-sessions/{id}/participants",
                "PUT /api/v1/goal-sessions/{id}/outcome", "POST /api/v1/goal-sessions/{id}/proposals",
                "POST /api/v1/goal-sessions/{id}/votes", "PUT /api/v1/goal-sessions/{id}/proposals/{proposalId}",
                "POST /api/v1/goal-sessions/{id}/commitments", "POST /api/v1/goal-sessions/{id}/step")
                .forEach(e -> MATRIX.put(e, WRITE_TOKENS));
        // Cross-training: everyone offers, asks, books and plans; the session decides who moves it (its host) and who
        // sees it. The default budget is an admin's; a person's own budget their manager's (the target here has none,
        // so only an admin gets past the budget's own check).
        Stream.of("GET /cross-training", "POST /cross-training/asks", "POST /cross-training/offers",
                "POST /cross-training/sessions", "GET /cross-training/offers", "POST /cross-training/offers/{id}/book",
                "POST /cross-training/offers/{id}/withdraw", "POST /cross-training/asks/{id}/match",
                "POST /cross-training/asks/{id}/withdraw", "GET /cross-training/sessions/{id}",
                "POST /cross-training/sessions/{id}/reflections", "POST /cross-training/sessions/{id}/move",
                "POST /cross-training/sessions/{id}/cancel", "GET /cross-training/coverage",
                "GET /cross-training/measures").forEach(e -> MATRIX.put(e, SIGNED_IN));
        MATRIX.put("POST /cross-training/budgets/default", ADMINS);
        MATRIX.put("POST /cross-training/budgets/{id}", ADMINS);
        Stream.of("GET /api/v1/cross-training/sessions", "GET /api/v1/cross-training/sessions/{id}",
                "GET /api/v1/cross-training/sessions/{id}/reflections",
                "GET /api/v1/cross-training/offers", "GET /api/v1/cross-training/asks",
                "GET /api/v1/cross-training/budgets", "GET /api/v1/cross-training/coverage",
                "GET /api/v1/cross-training/measures").forEach(e -> MATRIX.put(e, ANY_TOKEN));
        Stream.of("POST /api/v1/cross-training/sessions", "PATCH /api/v1/cross-training/sessions/{id}",
                "POST /api/v1/cross-training/sessions/{id}/cancel",
                "POST /api/v1/cross-training/sessions/{id}/reflections", "POST /api/v1/cross-training/offers",
                "POST /api/v1/cross-training/offers/{id}/bookings", "POST /api/v1/cross-training/offers/{id}/withdraw",
                "POST /api/v1/cross-training/asks", "POST /api/v1/cross-training/asks/{id}/match",
                "POST /api/v1/cross-training/asks/{id}/withdraw").forEach(e -> MATRIX.put(e, WRITE_TOKENS));
        // Insights' tiles: managers and admins, through their tokens too (they hold each person's figures).
        Stream.of("funnel", "sla", "rejections", "closed-loop", "follow-through", "goals", "cross-training",
                "responsiveness").forEach(t -> MATRIX.put("GET /api/v1/insights/" + t, EnumSet.of(Caller.ADMIN_READ_TOKEN,
                        Caller.ADMIN_WRITE_TOKEN, Caller.MANAGER_WRITE_TOKEN)));
        // The self-assessment: everyone answers and sees the (anonymous) results; admins open and close rounds.
        Stream.of("GET /self-assessment", "POST /self-assessment", "GET /self-assessment/rounds/{id}")
                .forEach(e -> MATRIX.put(e, SIGNED_IN));
        Stream.of("POST /admin/self-assessment/open", "POST /admin/self-assessment/rounds/{id}/close")
                .forEach(e -> MATRIX.put(e, ADMINS));
        Stream.of("GET /api/v1/self-assessments", "GET /api/v1/self-assessments/{id}/results")
                .forEach(e -> MATRIX.put(e, ANY_TOKEN));
        MATRIX.put("POST /api/v1/self-assessments", WRITE_TOKENS);
        Stream.of("POST /api/v1/self-assessments/rounds", "POST /api/v1/self-assessments/rounds/{id}/close")
                .forEach(e -> MATRIX.put(e, ADMIN_WRITE_TOKEN));
        Stream.of("PUT /api/v1/cross-training/budgets/default", "PUT /api/v1/cross-training/budgets/{id}")
                .forEach(e -> MATRIX.put(e, ADMIN_WRITE_TOKEN));
        // Website forms anywhere post leads with a registered form key.
        MATRIX.put("POST /w2l", EVERYONE);
        // Messages: everyone signed in writes, reads their own and acknowledges; the signed link needs no sign-in.
        Stream.of("GET /messages", "GET /messages/new", "POST /messages", "GET /messages/{id}",
                "POST /messages/{id}/ack", "GET /messages/measures").forEach(e -> MATRIX.put(e, SIGNED_IN));
        Stream.of("GET /ack/{secret}", "POST /ack/{secret}").forEach(e -> MATRIX.put(e, EVERYONE));
        Stream.of("GET /api/v1/messages", "GET /api/v1/messages/{id}", "GET /api/v1/messages/measures")
                .forEach(e -> MATRIX.put(e, ANY_TOKEN));
        Stream.of("POST /api/v1/messages", "POST /api/v1/messages/{id}/ack").forEach(e -> MATRIX.put(e, WRITE_TOKENS));
        // Insights: the dashboard and the score are managers'; the score's weights are changed by admins.
        Stream.of("GET /insights", "GET /insights/{tile}", "GET /insights/{tile}/export")
                .forEach(e -> MATRIX.put(e, MANAGERS));
        Stream.of("GET /insights/score/weights", "POST /insights/score/weights").forEach(e -> MATRIX.put(e, ADMINS));
        Stream.of("GET /api/v1/insights/score", "GET /api/v1/insights/score/history", "GET /api/v1/insights/score/weights",
                "GET /api/v1/insights/score/weights/history", "GET /api/v1/insights/funnel", "GET /api/v1/insights/sla",
                "GET /api/v1/insights/rejections", "GET /api/v1/insights/closed-loop", "GET /api/v1/insights/follow-through",
                "GET /api/v1/insights/goals", "GET /api/v1/insights/cross-training", "GET /api/v1/insights/responsiveness")
                .forEach(e -> MATRIX.put(e, MANAGER_READ_TOKENS));
        MATRIX.put("PUT /api/v1/insights/score/weights", ADMIN_WRITE_TOKEN);
        // Imports: admins and marketers (the callers here are in sales, so admins only).
        Stream.of("GET /api/v1/imports", "GET /api/v1/imports/{id}", "GET /api/v1/imports/{id}/errors",
                "GET /api/v1/imports/mappings")
                .forEach(e -> MATRIX.put(e, EnumSet.of(Caller.ADMIN_READ_TOKEN, Caller.ADMIN_WRITE_TOKEN)));
        Stream.of("POST /api/v1/imports", "POST /api/v1/imports/{id}/dry-run", "POST /api/v1/imports/{id}/start",
                "POST /api/v1/imports/{id}/cancel", "POST /api/v1/imports/{id}/undo")
                .forEach(e -> MATRIX.put(e, ADMIN_WRITE_TOKEN));
        Stream.of("GET /imports", "POST /imports", "GET /imports/{id}", "GET /imports/{id}/status",
                "GET /imports/{id}/errors", "POST /imports/{id}/mapping", "POST /imports/{id}/dry-run",
                "POST /imports/{id}/start", "POST /imports/{id}/cancel", "POST /imports/{id}/undo")
                .forEach(e -> MATRIX.put(e, ADMINS));
        // A person's data on request: export, erase and the suppression list are admins' alone, by page and API;
        // withdrawing a lead's consent is for whoever may change the lead.
        Stream.of("GET /admin/leads/{id}/personal-data", "GET /admin/leads/{id}/erase", "POST /admin/leads/{id}/erase",
                "GET /admin/suppression-list", "POST /admin/suppression-list", "POST /admin/suppression-list/settings",
                "POST /admin/suppression-list/{id}/delete").forEach(e -> MATRIX.put(e, ADMINS));
        MATRIX.put("POST /leads/{id}/consent/withdraw", SIGNED_IN);
        Stream.of("GET /api/v1/leads/{id}/personal-data", "GET /api/v1/suppression-list")
                .forEach(e -> MATRIX.put(e, EnumSet.of(Caller.ADMIN_READ_TOKEN, Caller.ADMIN_WRITE_TOKEN)));
        Stream.of("DELETE /api/v1/leads/{id}/personal-data", "POST /api/v1/suppression-list",
                "DELETE /api/v1/suppression-list/{id}", "PUT /api/v1/suppression-list/settings")
                .forEach(e -> MATRIX.put(e, ADMIN_WRITE_TOKEN));
        MATRIX.put("POST /api/v1/leads/{id}/consent/withdraw", WRITE_TOKENS);
        // Outgoing webhooks: admins only, pages and API (an endpoint's address and log tell where data goes).
        Stream.of("GET /admin/webhooks", "POST /admin/webhooks", "GET /admin/webhooks/{id}", "POST /admin/webhooks/{id}",
                "POST /admin/webhooks/{id}/enabled", "POST /admin/webhooks/{id}/rotate-secret",
                "POST /admin/webhooks/{id}/deliveries/{deliveryId}/redeliver", "GET /admin/webhooks/{id}/delete",
                "POST /admin/webhooks/{id}/delete").forEach(e -> MATRIX.put(e, ADMINS));
        Stream.of("GET /api/v1/webhooks", "GET /api/v1/webhooks/{id}", "GET /api/v1/webhooks/{id}/deliveries")
                .forEach(e -> MATRIX.put(e, EnumSet.of(Caller.ADMIN_READ_TOKEN, Caller.ADMIN_WRITE_TOKEN)));
        Stream.of("POST /api/v1/webhooks", "PATCH /api/v1/webhooks/{id}", "DELETE /api/v1/webhooks/{id}",
                "POST /api/v1/webhooks/{id}/rotate-secret", "POST /api/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver")
                .forEach(e -> MATRIX.put(e, ADMIN_WRITE_TOKEN));
        // Operations.
        MATRIX.put("GET /actuator/prometheus", ADMINS_AND_THEIR_TOKENS);
        MATRIX.put("GET /actuator", METRICS);
        MATRIX.put("GET /actuator/events", METRICS);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    Fixtures fixtures;

    Map<Caller, Person> people = new LinkedHashMap<>();
    Map<Caller, Cookie> sessions = new LinkedHashMap<>();
    Map<Caller, String> tokens = new LinkedHashMap<>();
    Person target;

    @BeforeEach
    void callers() throws Exception {
        Person admin = fixtures.aPerson(AppRole.ADMIN);
        Person member = fixtures.aPerson(AppRole.MEMBER);
        people.put(Caller.MEMBER, member);
        Person manager = fixtures.aPerson(AppRole.MANAGER);
        people.put(Caller.MANAGER, manager);
        people.put(Caller.ADMIN, admin);
        people.put(Caller.ADMIN_BASIC, admin);
        tokens.put(Caller.ADMIN_READ_TOKEN, fixtures.tokenFor(admin, TokenScope.READ));
        tokens.put(Caller.ADMIN_WRITE_TOKEN, fixtures.tokenFor(admin, TokenScope.READ_WRITE));
        tokens.put(Caller.MANAGER_WRITE_TOKEN, fixtures.tokenFor(manager, TokenScope.READ_WRITE));
        tokens.put(Caller.MEMBER_WRITE_TOKEN, fixtures.tokenFor(member, TokenScope.READ_WRITE));
        target = fixtures.anInvitedPerson();
        for (Caller caller : List.of(Caller.MEMBER, Caller.MANAGER, Caller.ADMIN)) {
            sessions.put(caller, signIn(people.get(caller)));
        }
    }

    /** A real browser-like session: signed in through the login form. */
    private Cookie signIn(Person person) throws Exception {
        MvcResult result = mvc.perform(formLogin("/login").userParameter("email").user(person.email())
                .password(Fixtures.PASSWORD)).andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/");
        return result.getResponse().getCookie("SESSION"); // Spring Session's cookie: the session lives in the database
    }

    @Test
    void listsEveryMappedEndpoint() {
        Set<String> mapped = new TreeSet<>();
        context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values().forEach(mapping ->
                mapping.getHandlerMethods().keySet().forEach(info -> {
                    Set<String> patterns = info.getPatternValues();
                    Set<String> methods = info.getMethodsCondition().getMethods().isEmpty() ? Set.of("*")
                            : info.getMethodsCondition().getMethods().stream().map(Enum::name)
                                    .collect(java.util.stream.Collectors.toSet());
                    patterns.forEach(p -> methods.forEach(m -> mapped.add(m + " " + p)));
                }));
        assertThat(mapped).as("endpoints missing from the role matrix (left) or listed but gone (right)")
                .containsExactlyInAnyOrderElementsOf(MATRIX.keySet());
    }

    /** Each caller's walk through the matrix runs beside the others' (one session is never used by two at once). */
    @Test
    void letsInExactlyTheCallersListedForEachEndpoint() throws Exception {
        List<String> wrong = java.util.Collections.synchronizedList(new ArrayList<>());
        var pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            List<java.util.concurrent.Future<?>> walks = new ArrayList<>();
            for (Caller caller : Caller.values()) {
                walks.add(pool.submit(() -> {
                    walk(caller, wrong);
                    return null;
                }));
            }
            for (var walk : walks) {
                walk.get();
            }
        }
        finally {
            pool.shutdownNow();
        }
        assertThat(wrong).isEmpty();
    }

    private void walk(Caller caller, List<String> wrong) throws Exception {
        for (var entry : MATRIX.entrySet()) {
            boolean expected = entry.getValue().contains(caller);
            MvcResult result = mvc.perform(requestFor(entry.getKey(), caller)).andReturn();
            if (isLetIn(result) != expected) {
                wrong.add(entry.getKey() + " as " + caller + ": " + (expected ? "kept out" : "let in")
                        + " (status " + result.getResponse().getStatus() + ")");
            }
        }
    }

    @Test
    void refusesAnonymousApiCallsWithProblemDetails() throws Exception {
        MvcResult result = mvc.perform(request(HttpMethod.GET, "/api/v1/people")).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(401);
        assertThat(result.getResponse().getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    }

    private MockHttpServletRequestBuilder requestFor(String endpoint, Caller caller) {
        String method = endpoint.substring(0, endpoint.indexOf(' '));
        String url = example(endpoint.substring(endpoint.indexOf(' ') + 1));
        MockHttpServletRequestBuilder request = request(HttpMethod.valueOf(method.equals("*") ? "GET" : method), url);
        boolean api = url.startsWith("/api/");
        if (api && !method.equals("GET")) {
            request.contentType(MediaType.APPLICATION_JSON).content("{}");
        }
        if (url.equals("/w2l")) {
            request.contentType(MediaType.APPLICATION_FORM_URLENCODED).content("oid=unknown");
        }
        if (!api) {
            request.with(csrf());
        }
        if (sessions.containsKey(caller)) {
            request.cookie(sessions.get(caller));
        }
        if (tokens.containsKey(caller)) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.get(caller));
        }
        if (caller == Caller.ADMIN_BASIC) {
            request.header(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder()
                    .encodeToString((people.get(caller).email() + ":" + Fixtures.PASSWORD).getBytes()));
        }
        return request;
    }

    private String example(String pattern) {
        String teamId = UUID.randomUUID().toString();
        return pattern.replace("{id}", pattern.startsWith("/teams") || pattern.startsWith("/api/v1/teams") ? teamId
                        : pattern.startsWith("/tokens") ? UUID.randomUUID().toString() : target.id().toString())
                .replace("{secret}", "not-a-real-secret").replace("{itemId}", UUID.randomUUID().toString()).replace("{deliveryId}", UUID.randomUUID().toString()).replace("{proposalId}", UUID.randomUUID().toString()).replace("{type}", "NO_SUCH_TYPE").replace("{kind}", "phone").replace("{tile}", "sla").replace("{key}", "no_such_field").replace("/**", "/liveness");
    }

    private static boolean isLetIn(MvcResult result) {
        int status = result.getResponse().getStatus();
        String location = result.getResponse().getHeader(HttpHeaders.LOCATION);
        boolean toLogin = status == 302 && location != null && location.endsWith("/login");
        return status != 401 && status != 403 && !toLogin;
    }
}
