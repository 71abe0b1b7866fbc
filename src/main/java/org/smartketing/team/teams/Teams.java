package org.smartketing.team.teams;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.smartketing.shared.Sql;
import org.smartketing.team.PersonId;
import org.smartketing.team.TeamId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The team and team_member tables. */
@Repository
public class Teams {

    private final JdbcClient jdbc;

    Teams(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Team team) {
        jdbc.sql("INSERT INTO team (id, name, name_key, description, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(team.id().value(), team.name(), team.nameKey(), team.description(), Sql.utc(team.createdAt()),
                        Sql.utc(team.updatedAt()))
                .update();
        insertMembers(team);
    }

    public void update(Team team) {
        jdbc.sql("UPDATE team SET name = ?, name_key = ?, description = ?, updated_at = ? WHERE id = ?")
                .params(team.name(), team.nameKey(), team.description(), Sql.utc(team.updatedAt()), team.id().value())
                .update();
        jdbc.sql("DELETE FROM team_member WHERE team_id = ?").param(team.id().value()).update();
        insertMembers(team);
    }

    public Optional<Team> byId(TeamId id) {
        return jdbc.sql("SELECT * FROM team WHERE id = ?").param(id.value()).query(this::withoutMembers).optional()
                .map(team -> withMembers(team, membersOf(List.of(id.value())).getOrDefault(id.value(), Set.of())));
    }

    public boolean nameTaken(String name, TeamId except) {
        return jdbc.sql("SELECT COUNT(*) FROM team WHERE name_key = ? AND id <> ?")
                .params(Team.keyOf(name), except == null ? new UUID(0, 0) : except.value())
                .query(Long.class).single() > 0;
    }

    public List<Team> all() {
        List<Team> teams = jdbc.sql("SELECT * FROM team ORDER BY name_key").query(this::withoutMembers).list();
        Map<UUID, Set<PersonId>> members = membersOf(teams.stream().map(t -> t.id().value()).toList());
        return teams.stream().map(t -> withMembers(t, members.getOrDefault(t.id().value(), Set.of()))).toList();
    }

    private void insertMembers(Team team) {
        for (PersonId member : team.members()) {
            jdbc.sql("INSERT INTO team_member (team_id, person_id) VALUES (?, ?)")
                    .params(team.id().value(), member.value()).update();
        }
    }

    private Map<UUID, Set<PersonId>> membersOf(List<UUID> teamIds) {
        Map<UUID, Set<PersonId>> members = new HashMap<>();
        if (teamIds.isEmpty()) {
            return members;
        }
        jdbc.sql("SELECT team_id, person_id FROM team_member WHERE team_id IN (:ids)").param("ids", teamIds)
                .query(rs -> {
                    members.computeIfAbsent(Sql.uuid(rs, "team_id"), k -> new HashSet<>())
                            .add(new PersonId(Sql.uuid(rs, "person_id")));
                });
        return members;
    }

    private Team withoutMembers(ResultSet rs, int row) throws SQLException {
        return new Team(new TeamId(Sql.uuid(rs, "id")), rs.getString("name"), rs.getString("description"), Set.of(),
                Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"));
    }

    private static Team withMembers(Team team, Set<PersonId> members) {
        return new Team(team.id(), team.name(), team.description(), members, team.createdAt(), team.updatedAt());
    }
}
