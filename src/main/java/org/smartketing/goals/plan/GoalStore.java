package org.smartketing.goals.plan;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.smartketing.goals.GoalId;
import org.smartketing.shared.Sql;
import org.smartketing.shared.StaleVersionException;
import org.smartketing.team.PersonId;
import org.smartketing.team.TeamId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;

/** Goals as they stand now, with their activities and owners, and every version as a revision. */
@Repository
public class GoalStore {

    private static final String GOAL_COLUMNS = "id, team_id, title, period_kind, starts_on, ends_on, zone, measure, "
            + "target, currency, cadence, sponsor_id, draft, version, created_by, created_at";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    GoalStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(Goal g, Revision first) {
        jdbc.sql("INSERT INTO goal (" + GOAL_COLUMNS + ", updated_at) VALUES (:id, :team, :title, :kind, :starts, :ends, "
                + ":zone, :measure, :target, :currency, :cadence, :sponsor, :draft, :version, :by, :at, :at)")
                .param("id", g.id().value()).param("team", g.teamId().value()).param("title", g.title())
                .param("kind", g.period().kind().name()).param("starts", g.period().startsOn())
                .param("ends", g.period().endsOn()).param("zone", g.period().zone().getId())
                .param("measure", g.plan().outcome().measure().name()).param("target", g.plan().outcome().target())
                .param("currency", g.plan().outcome().currency()).param("cadence", g.cadence().name())
                .param("sponsor", g.sponsorId() == null ? null : g.sponsorId().value()).param("draft", g.draft())
                .param("version", g.version()).param("by", g.created().by() == null ? null : g.created().by().value())
                .param("at", Sql.utc(g.created().at())).update();
        insertActivities(g);
        insertRevision(g.id(), first);
    }

    /** Saves the goal's next version; refused when another change took the version meanwhile. */
    void update(Goal g, int basedOn, Revision revision, Instant at) {
        int updated = jdbc.sql("UPDATE goal SET target = ?, draft = ?, version = ?, updated_at = ? WHERE id = ? AND version = ?")
                .params(g.plan().outcome().target(), g.draft(), g.version(), Sql.utc(at), g.id().value(), basedOn)
                .update();
        if (updated == 0) {
            throw new StaleVersionException("The goal", basedOn, basedOn + 1);
        }
        if (revision != null) {
            jdbc.sql("DELETE FROM goal_activity WHERE goal_id = ?").param(g.id().value()).update();
            insertActivities(g);
            insertRevision(g.id(), revision);
        }
    }

    private void insertActivities(Goal g) {
        int position = 0;
        for (PlannedActivity a : g.plan().activities()) {
            Assumption as = a.assumption();
            jdbc.sql("INSERT INTO goal_activity (id, goal_id, position, kind, target, per, assumed_activities, "
                    + "assumed_outcomes, since, dropped_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(a.id(), g.id().value(), position++, a.kind().name(), a.target(), a.per().name(),
                            as == null ? null : as.activities(), as == null ? null : as.outcomes(), a.since(),
                            a.droppedOn())
                    .update();
            int owner = 0;
            for (PersonId p : a.owners()) {
                jdbc.sql("INSERT INTO goal_activity_owner (activity_id, person_id, position) VALUES (?, ?, ?)")
                        .params(a.id(), p.value(), owner++).update();
            }
        }
    }

    private void insertRevision(GoalId goal, Revision r) {
        jdbc.sql("INSERT INTO goal_revision (goal_id, version, changed_by, changed_at, reason, changes, plan) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(goal.value(), r.version(), r.by() == null ? null : r.by().value(), Sql.utc(r.at()), r.reason(),
                        String.join("\n", r.changes()), json.writeValueAsString(r.plan()))
                .update();
    }

    public Optional<Goal> byId(GoalId id) {
        return withPlans(jdbc.sql("SELECT " + GOAL_COLUMNS + " FROM goal WHERE id = ?").param(id.value())
                .query(GoalStore::row).list()).stream().findFirst();
    }

    /** Goals whose period overlaps the days given (either may be {@code null}), of one team or all, by start. */
    public List<Goal> list(TeamId teamOrNull, LocalDate from, LocalDate to, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + GOAL_COLUMNS + " FROM goal WHERE 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (teamOrNull != null) {
            sql.append(" AND team_id = :team");
            params.put("team", teamOrNull.value());
        }
        if (from != null) {
            sql.append(" AND ends_on >= :from");
            params.put("from", from);
        }
        if (to != null) {
            sql.append(" AND starts_on <= :to");
            params.put("to", to);
        }
        sql.append(" ORDER BY starts_on DESC, title, id LIMIT :limit");
        params.put("limit", limit);
        return withPlans(jdbc.sql(sql.toString()).params(params).query(GoalStore::row).list());
    }

    /** Goals running on the day with an activity the person owns now. */
    public List<Goal> ownedBy(PersonId person, LocalDate on) {
        return withPlans(jdbc.sql("SELECT " + GOAL_COLUMNS + " FROM goal WHERE starts_on <= :on AND ends_on >= :on "
                + "AND id IN (SELECT a.goal_id FROM goal_activity a JOIN goal_activity_owner o ON o.activity_id = a.id "
                + "WHERE o.person_id = :person AND a.dropped_on IS NULL) ORDER BY starts_on, title")
                .param("on", on).param("person", person.value()).query(GoalStore::row).list());
    }

    public List<Revision> revisions(GoalId goal) {
        return jdbc.sql("SELECT version, changed_by, changed_at, reason, changes, plan FROM goal_revision "
                + "WHERE goal_id = ? ORDER BY version").param(goal.value())
                .query((rs, n) -> new Revision(rs.getInt("version"), person(rs, "changed_by"), Sql.instant(rs, "changed_at"),
                        rs.getString("reason"), Arrays.asList(rs.getString("changes").split("\n")),
                        json.readValue(rs.getString("plan"), Plan.class)))
                .list();
    }

    boolean insertEndorsement(GoalId goal, Endorsement e) {
        return jdbc.sql("INSERT INTO goal_endorsement (goal_id, version, person_id, endorsed_as, endorsed_at) "
                + "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
                .params(goal.value(), e.version(), e.by().value(), e.as().name(), Sql.utc(e.at())).update() == 1;
    }

    public List<Endorsement> endorsements(GoalId goal) {
        return jdbc.sql("SELECT version, person_id, endorsed_as, endorsed_at FROM goal_endorsement WHERE goal_id = ? "
                + "ORDER BY endorsed_at, version").param(goal.value())
                .query((rs, n) -> new Endorsement(rs.getInt("version"), person(rs, "person_id"),
                        Endorsement.As.valueOf(rs.getString("endorsed_as")), Sql.instant(rs, "endorsed_at")))
                .list();
    }

    /** The endorsements of many goals in one query; a goal without any is left out. */
    public Map<GoalId, List<Endorsement>> endorsements(java.util.Collection<GoalId> goals) {
        Map<GoalId, List<Endorsement>> result = new java.util.HashMap<>();
        if (goals.isEmpty()) {
            return result;
        }
        jdbc.sql("SELECT goal_id, version, person_id, endorsed_as, endorsed_at FROM goal_endorsement WHERE goal_id IN (:goals) "
                + "ORDER BY endorsed_at, version").param("goals", goals.stream().map(GoalId::value).toList())
                .query(rs -> {
                    result.computeIfAbsent(new GoalId(Sql.uuid(rs, "goal_id")), g -> new ArrayList<>())
                            .add(new Endorsement(rs.getInt("version"), person(rs, "person_id"),
                                    Endorsement.As.valueOf(rs.getString("endorsed_as")), Sql.instant(rs, "endorsed_at")));
                });
        return result;
    }

    void insertCommitment(GoalId goal, Commitment c) {
        jdbc.sql("INSERT INTO goal_commitment (goal_id, person_id, text, committed_at) VALUES (?, ?, ?, ?)")
                .params(goal.value(), c.person().value(), c.text(), Sql.utc(c.at())).update();
    }

    public List<Commitment> commitments(GoalId goal) {
        return jdbc.sql("SELECT person_id, text, committed_at FROM goal_commitment WHERE goal_id = ? ORDER BY committed_at")
                .param(goal.value())
                .query((rs, n) -> new Commitment(person(rs, "person_id"), rs.getString("text"), Sql.instant(rs, "committed_at")))
                .list();
    }

    private List<Goal> withPlans(List<Goal> goals) {
        if (goals.isEmpty()) {
            return goals;
        }
        List<UUID> ids = goals.stream().map(g -> g.id().value()).toList();
        Map<UUID, List<PersonId>> owners = new LinkedHashMap<>();
        jdbc.sql("SELECT o.activity_id, o.person_id FROM goal_activity_owner o JOIN goal_activity a ON a.id = o.activity_id "
                + "WHERE a.goal_id IN (:ids) ORDER BY o.activity_id, o.position").param("ids", ids)
                .query(rs -> {
                    owners.computeIfAbsent(Sql.uuid(rs, "activity_id"), k -> new ArrayList<>()).add(person(rs, "person_id"));
                });
        Map<UUID, List<PlannedActivity>> activities = new LinkedHashMap<>();
        jdbc.sql("SELECT * FROM goal_activity WHERE goal_id IN (:ids) ORDER BY goal_id, position").param("ids", ids)
                .query(rs -> {
                    UUID id = Sql.uuid(rs, "id");
                    Integer assumed = (Integer) rs.getObject("assumed_activities");
                    activities.computeIfAbsent(Sql.uuid(rs, "goal_id"), k -> new ArrayList<>()).add(new PlannedActivity(id,
                            ActivityKind.valueOf(rs.getString("kind")), rs.getInt("target"), Per.valueOf(rs.getString("per")),
                            owners.getOrDefault(id, List.of()),
                            assumed == null ? null : new Assumption(assumed, Numbers.plain(rs.getBigDecimal("assumed_outcomes"))),
                            rs.getObject("since", LocalDate.class), rs.getObject("dropped_on", LocalDate.class)));
                });
        return goals.stream().map(g -> new Goal(g.id(), g.teamId(), g.title(), g.period(), g.cadence(), g.sponsorId(),
                g.draft(), g.version(), new Plan(g.plan().outcome(), activities.getOrDefault(g.id().value(), List.of())),
                g.created(), List.of())).toList();
    }

    private static Goal row(ResultSet rs, int n) throws SQLException {
        Period period = new Period(Period.Kind.valueOf(rs.getString("period_kind")), rs.getObject("starts_on", LocalDate.class),
                rs.getObject("ends_on", LocalDate.class), ZoneId.of(rs.getString("zone")));
        Outcome outcome = new Outcome(Measure.valueOf(rs.getString("measure")), Numbers.plain(rs.getBigDecimal("target")),
                rs.getString("currency"));
        return new Goal(new GoalId(Sql.uuid(rs, "id")), new TeamId(Sql.uuid(rs, "team_id")), rs.getString("title"), period,
                Cadence.valueOf(rs.getString("cadence")), person(rs, "sponsor_id"), rs.getBoolean("draft"),
                rs.getInt("version"), new Plan(outcome, List.of()),
                new Goal.Created(person(rs, "created_by"), Sql.instant(rs, "created_at")), List.of());
    }

    private static PersonId person(ResultSet rs, String column) throws SQLException {
        UUID id = Sql.uuid(rs, column);
        return id == null ? null : new PersonId(id);
    }
}
