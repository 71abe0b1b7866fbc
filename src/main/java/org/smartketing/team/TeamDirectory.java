package org.smartketing.team;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.smartketing.team.people.People;
import org.smartketing.team.people.Person;
import org.smartketing.team.teams.Teams;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Who is in the company and in which team: how other parts look people up. */
@Service
@Transactional(readOnly = true)
public class TeamDirectory {

    private final People people;
    private final Teams teams;

    TeamDirectory(People people, Teams teams) {
        this.people = people;
        this.teams = teams;
    }

    public Optional<PersonSummary> person(PersonId id) {
        return people.byId(id).map(Person::summary);
    }

    /** Many people in one query, keyed by id; unknown ids are left out. */
    public Map<PersonId, PersonSummary> people(Collection<PersonId> ids) {
        Map<PersonId, PersonSummary> found = new LinkedHashMap<>();
        people.byIds(Set.copyOf(ids)).forEach(p -> found.put(p.id(), p.summary()));
        return found;
    }

    /** Every person's display name by id, disabled people too: for naming who did what in an export. */
    public Map<java.util.UUID, String> names() {
        return people.names();
    }

    public List<PersonSummary> enabledPeople() {
        return people.enabledPeople().stream().map(Person::summary).toList();
    }

    /** Everyone enabled who reports to {@code manager}, directly or through their own manager. */
    public List<PersonSummary> reportsOf(PersonId manager) {
        List<PersonSummary> everyone = enabledPeople();
        Set<PersonId> under = new java.util.HashSet<>(Set.of(manager));
        List<PersonSummary> reports = new java.util.ArrayList<>();
        boolean found = true;
        while (found) {
            found = false;
            for (PersonSummary p : everyone) {
                if (p.managerId() != null && under.contains(p.managerId()) && under.add(p.id())) {
                    reports.add(p);
                    found = true;
                }
            }
        }
        return reports;
    }

    public Optional<String> teamName(TeamId team) {
        return teams.byId(team).map(t -> t.name());
    }

    /** Every team's id and name, by name. */
    public Map<TeamId, String> teamNames() {
        Map<TeamId, String> names = new LinkedHashMap<>();
        teams.all().forEach(t -> names.put(t.id(), t.name()));
        return names;
    }

    /** Every team's id and name, by name (for pickers in other parts). */
    public List<Map.Entry<TeamId, String>> teams() {
        return teams.all().stream().map(t -> Map.entry(t.id(), t.name())).toList();
    }

    public List<PersonSummary> membersOf(TeamId team) {
        return teams.byId(team).map(t -> people.byIds(t.members()).stream().map(Person::summary).toList())
                .orElse(List.of());
    }
}
