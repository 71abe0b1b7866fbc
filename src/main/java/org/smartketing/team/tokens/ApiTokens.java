package org.smartketing.team.tokens;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.smartketing.shared.CommittedCache;
import org.smartketing.shared.NodeSignals;
import org.smartketing.shared.NotFoundException;
import org.smartketing.shared.Sql;
import org.smartketing.team.AuditLog;
import org.smartketing.team.PersonId;
import org.smartketing.team.SignedInPerson;
import org.smartketing.team.people.People;
import org.smartketing.shared.Secrets;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens: shown once at creation, stored as a SHA-256 hash, revocable, and acting as
 * their owner with the owner's role narrowed to the token's scope.
 */
@Service
@Transactional
public class ApiTokens {

    public static final String PREFIX = "smk_";
    private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    public record Token(UUID id, String name, TokenScope scope, String hint, Instant createdAt, Instant lastUsedAt,
            Instant revokedAt) {

        public boolean active() {
            return revokedAt == null;
        }
    }

    public record Created(Token token, String secret) {
    }

    /** What a valid token stands for, as remembered between calls. */
    private record Authenticated(UUID id, Instant lastUsedAt, SignedInPerson person) {
    }

    static final Duration REMEMBERED = Duration.ofSeconds(5);

    private final JdbcClient jdbc;
    private final People people;
    private final AuditLog audit;
    private final Clock clock;
    private final CommittedCache<String, Authenticated> remembered;

    ApiTokens(JdbcClient jdbc, People people, AuditLog audit, Clock clock, NodeSignals signals) {
        this.remembered = new CommittedCache<String, Authenticated>(REMEMBERED, 10_000)
                .sharedThrough(signals, "api-tokens");
        this.jdbc = jdbc;
        this.people = people;
        this.audit = audit;
        this.clock = clock;
    }

    public Created create(PersonId owner, String name, TokenScope scope) {
        String secret = PREFIX + Secrets.newSecret();
        Token token = new Token(UUID.randomUUID(), name.strip(), scope, secret.substring(secret.length() - 4),
                clock.instant(), null, null);
        jdbc.sql("""
                INSERT INTO api_token (id, person_id, name, scope, token_hash, hint, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(token.id(), owner.value(), token.name(), scope.name(), Secrets.hash(secret), token.hint(),
                        Sql.utc(token.createdAt()))
                .update();
        audit.record("api-token", token.id(), "created", null, Map.of("owner", owner.toString(), "name", token.name(),
                "scope", scope.code()));
        return new Created(token, secret);
    }

    public void revoke(PersonId owner, UUID id) {
        int changed = jdbc.sql("UPDATE api_token SET revoked_at = ? WHERE id = ? AND person_id = ? AND revoked_at IS NULL")
                .params(Sql.utc(clock.instant()), id, owner.value()).update();
        if (changed == 0 && ofOwner(owner).stream().noneMatch(t -> t.id().equals(id))) {
            throw new NotFoundException("Token " + id);
        }
        if (changed > 0) {
            remembered.invalidate();
            audit.record("api-token", id, "revoked", Map.of("active", true), Map.of("active", false));
        }
    }

    /** Revokes every active token of the owner (a new password was chosen, or the owner is disabled). */
    public int revokeAll(PersonId owner, String why) {
        List<UUID> active = jdbc.sql("SELECT id FROM api_token WHERE person_id = ? AND revoked_at IS NULL")
                .param(owner.value()).query(UUID.class).list();
        for (UUID id : active) {
            if (jdbc.sql("UPDATE api_token SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
                    .params(Sql.utc(clock.instant()), id).update() > 0) {
                audit.record("api-token", id, "revoked", Map.of("active", true), Map.of("active", false, "why", why));
            }
        }
        remembered.invalidate();
        return active.size();
    }

    @Transactional(readOnly = true)
    public List<Token> ofOwner(PersonId owner) {
        return jdbc.sql("SELECT * FROM api_token WHERE person_id = ? ORDER BY revoked_at NULLS FIRST, created_at DESC")
                .param(owner.value())
                .query((rs, n) -> new Token(Sql.uuid(rs, "id"), rs.getString("name"),
                        TokenScope.valueOf(rs.getString("scope")), rs.getString("hint"), Sql.instant(rs, "created_at"),
                        Sql.instant(rs, "last_used_at"), Sql.instant(rs, "revoked_at")))
                .list();
    }

    /**
     * The person a presented token acts for, if the token is known, not revoked, and its owner is
     * still enabled. Records the time of use (to the minute, so busy scripts do not write on every call).
     * What a token stands for is kept for a few seconds: every API call asks, and revoking a token
     * or changing a person (disabling, a new role) forgets it at once on this node and, once the change
     * commits, on the others ({@link NodeSignals}; within {@link #REMEMBERED} at the latest).
     */
    @Transactional(propagation = Propagation.SUPPORTS) // a remembered token needs no connection
    public Optional<SignedInPerson> authenticate(String secret) {
        return authenticateBearer(secret).map(Bearer::person);
    }

    /** A presented token's id and the person it acts for (the id names the token's rate limit). */
    public record Bearer(UUID tokenId, SignedInPerson person) {
    }

    /** As {@link #authenticate}, with the token's id. */
    @Transactional(propagation = Propagation.SUPPORTS)
    public Optional<Bearer> authenticateBearer(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        String hash = Secrets.hash(secret);
        return remembered.get(hash, this::lookUp).map(token -> {
            Instant now = clock.instant();
            if (token.lastUsedAt() == null || token.lastUsedAt().plus(LAST_USED_PRECISION).isBefore(now)) {
                jdbc.sql("UPDATE api_token SET last_used_at = ? WHERE id = ?").params(Sql.utc(now), token.id()).update();
                remembered.refresh(hash, new Authenticated(token.id(), now, token.person()));
            }
            return new Bearer(token.id(), token.person());
        });
    }

    /**
     * Someone's name, role, zone or enabled flag changed: tokens ask again who their owner is, and a
     * disabled owner's tokens are revoked for good.
     * Synchronous, inside the change's transaction: the cache belongs to this part, and forgetting
     * at once is what makes a disabled person's token stop working on the very next request.
     */
    @EventListener
    void on(People.PersonChanged changed) {
        remembered.invalidate();
        // Disabling revokes: enabling the person again later must not bring back what was issued before.
        if (people.byId(changed.id()).filter(p -> !p.enabled()).isPresent()) {
            revokeAll(changed.id(), "owner disabled");
        }
    }

    private Optional<Authenticated> lookUp(String hash) {
        record Found(UUID id, UUID personId, TokenScope scope, Instant lastUsedAt) {
        }
        Optional<Found> found = jdbc.sql("SELECT id, person_id, scope, last_used_at FROM api_token WHERE token_hash = ? AND revoked_at IS NULL")
                .param(hash)
                .query((rs, n) -> new Found(Sql.uuid(rs, "id"), Sql.uuid(rs, "person_id"),
                        TokenScope.valueOf(rs.getString("scope")), Sql.instant(rs, "last_used_at")))
                .optional();
        return found.flatMap(token -> people.byId(new PersonId(token.personId())).filter(p -> p.enabled())
                .map(p -> new Authenticated(token.id(), token.lastUsedAt(), new SignedInPerson(p.id(), p.email(),
                        p.displayName(), p.appRole(), p.department(), p.zone(), true, null, token.scope().grants()))));
    }
}
