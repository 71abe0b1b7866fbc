package org.smartketing.team.teams;

import org.smartketing.shared.Text;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.smartketing.shared.FieldConflictException;
import org.smartketing.shared.NotFoundException;
import org.smartketing.team.AuditLog;
import org.smartketing.team.PersonId;
import org.smartketing.team.TeamId;
import org.smartketing.team.people.People;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating teams and changing their name, description and members; every change audited. */
@Service
@Transactional
public class TeamAdministration {

    private final Teams teams;
    private final People people;
    private final AuditLog audit;
    private final Clock clock;

    TeamAdministration(Teams teams, People people, AuditLog audit, Clock clock) {
        this.teams = teams;
        this.people = people;
        this.audit = audit;
        this.clock = clock;
    }

    public Team create(TeamDetails details) {
        requireFreeName(details.name(), null);
        Instant now = clock.instant();
        Team team = new Team(TeamId.random(), details.name().strip(), Text.blankToNull(details.description()),
                knownMembers(details), now, now);
        try {
            teams.insert(team);
        }
        catch (DuplicateKeyException ex) {
            throw new FieldConflictException("name", "Another team already has this name.");
        }
        audit.record("team", team.id(), "created", null, snapshot(team));
        return team;
    }

    public Team update(TeamId id, TeamDetails details) {
        Team before = teams.byId(id).orElseThrow(() -> new NotFoundException("Team " + id));
        requireFreeName(details.name(), id);
        Team after = new Team(id, details.name().strip(), Text.blankToNull(details.description()), knownMembers(details),
                before.createdAt(), clock.instant());
        try {
            teams.update(after);
        }
        catch (DuplicateKeyException ex) {
            throw new FieldConflictException("name", "Another team already has this name.");
        }
        audit.record("team", id, "updated", snapshot(before), snapshot(after));
        return after;
    }

    private Set<PersonId> knownMembers(TeamDetails details) {
        Set<PersonId> wanted = details.members().stream().map(PersonId::new).collect(Collectors.toSet());
        if (people.byIds(wanted).size() != wanted.size()) {
            throw new FieldConflictException("memberIds", "Some members are not people in Smartketing.");
        }
        return wanted;
    }

    private void requireFreeName(String name, TeamId except) {
        if (teams.nameTaken(name, except)) {
            throw new FieldConflictException("name", "Another team already has this name.");
        }
    }

    private static Map<String, Object> snapshot(Team team) {
        return Map.of("name", team.name(), "description", String.valueOf(team.description()),
                "members", team.members().stream().map(PersonId::toString).sorted().toList());
    }
}
