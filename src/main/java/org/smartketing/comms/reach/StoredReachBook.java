package org.smartketing.comms.reach;

import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.smartketing.comms.Channel;
import org.smartketing.team.PersonId;
import org.smartketing.team.PersonSummary;
import org.smartketing.team.TeamDirectory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reach from what is stored: confirmed expectations or the defaults, verified methods, off-grid periods. */
@Service
@Transactional(readOnly = true)
class StoredReachBook implements ReachBook {

    private final TeamDirectory directory;
    private final ContactMethods methods;
    private final StoredExpectations expectations;
    private final OffGridPeriods offGrid;

    StoredReachBook(TeamDirectory directory, ContactMethods methods, StoredExpectations expectations,
            OffGridPeriods offGrid) {
        this.directory = directory;
        this.methods = methods;
        this.expectations = expectations;
        this.offGrid = offGrid;
    }

    @Override
    public Optional<Reach> reachOf(PersonId person, Instant at) {
        return directory.person(person).filter(PersonSummary::enabled).map(p -> assemble(p,
                methods.of(person).stream().filter(ContactMethods.ContactMethod::verified).toList(),
                expectations.of(person), offGrid.covering(person, at)));
    }

    /** Everyone enabled, in one go (the charter). */
    List<Reach> everyone(Instant at) {
        List<PersonSummary> people = directory.enabledPeople();
        Collection<UUID> ids = people.stream().map(p -> p.id().value()).toList();
        Map<UUID, List<ContactMethods.ContactMethod>> verified = methods.verifiedOf(ids).stream()
                .collect(Collectors.groupingBy(m -> m.person().value()));
        Map<UUID, StoredExpectations.Confirmed> confirmed = expectations.of(ids).stream()
                .collect(Collectors.toMap(c -> c.person().value(), Function.identity()));
        Map<UUID, OffGridPeriods.Period> away = new HashMap<>();
        offGrid.covering(ids, at).forEach(p -> away.putIfAbsent(p.person().value(), p));
        return people.stream().map(p -> assemble(p, verified.getOrDefault(p.id().value(), List.of()),
                Optional.ofNullable(confirmed.get(p.id().value())), Optional.ofNullable(away.get(p.id().value()))))
                .toList();
    }

    static Reach assemble(PersonSummary person, List<ContactMethods.ContactMethod> verified,
            Optional<StoredExpectations.Confirmed> confirmed, Optional<OffGridPeriods.Period> offGrid) {
        Map<Channel, String> addresses = new EnumMap<>(Channel.class);
        addresses.put(Channel.EMAIL, person.email());
        addresses.put(Channel.IN_APP, person.id().toString());
        for (ContactMethods.ContactMethod method : verified) {
            if (method.kind() == ContactMethods.Kind.PHONE) {
                addresses.put(Channel.SMS, method.address());
                addresses.put(Channel.VOICE, method.address());
            }
            else {
                addresses.put(Channel.CHAT, method.address());
            }
        }
        return new Reach(person,
                confirmed.map(StoredExpectations.Confirmed::expectations)
                        .orElseGet(() -> DefaultExpectations.forChannels(addresses.keySet())),
                confirmed.map(StoredExpectations.Confirmed::quietHours).orElse(null),
                offGrid.map(OffGridPeriods.Period::offGrid), Map.copyOf(addresses), confirmed.isPresent());
    }
}
