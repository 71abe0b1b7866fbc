package org.smartketing.team;

import java.util.List;
import java.util.Optional;

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

    public List<PersonSummary> enabledPeople() {
        return people.enabledPeople().stream().map(Person::summary).toList();
    }

    public Optional<String> teamName(TeamId team) {
        return teams.byId(team).map(t -> t.name());
    }

    /** Every team's id and name, by name. */
    public java.util.Map<TeamId, String> teamNames() {
        java.util.Map<TeamId, String> names = new java.util.LinkedHashMap<>();
        teams.all().forEach(t -> names.put(t.id(), t.name()));
        return names;
    }

    /** Every team's id and name, by name (for pickers in other parts). */
    public List<java.util.Map.Entry<TeamId, String>> teams() {
        return teams.all().stream().map(t -> java.util.Map.entry(t.id(), t.name())).toList();
    }

    public List<PersonSummary> membersOf(TeamId team) {
        return teams.byId(team).map(t -> people.byIds(t.members()).stream().map(Person::summary).toList())
                .orElse(List.of());
    }
}
