package org.smartketing.team;

import java.util.List;
import java.util.Optional;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** People found by name, email or job role (everyone on the team sees the team). */
@Component
@Order(20)
class PeopleInSearch implements SearchSection {

    private final TeamDirectory directory;

    PeopleInSearch(TeamDirectory directory) {
        this.directory = directory;
    }

    @Override
    public Optional<Group> search(String text, SignedInPerson viewer, int limit) {
        List<PersonSummary> found = directory.enabledPeople().stream()
                .filter(p -> SearchSection.matches(p.displayName(), text) || SearchSection.matches(p.email(), text)
                        || SearchSection.matches(p.jobRole(), text))
                .toList();
        List<Hit> hits = found.stream().limit(limit)
                .map(p -> new Hit(p.displayName(), p.department().label() + " · " + p.email(), "/people/" + p.id()))
                .toList();
        return Optional.of(new Group("people", "People", hits, found.size() > limit ? SearchSection.listed("/people", text) : null));
    }
}
