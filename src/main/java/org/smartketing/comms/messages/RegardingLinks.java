package org.smartketing.comms.messages;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.smartketing.comms.Regarding;
import org.smartketing.comms.RegardingTargets;
import org.smartketing.shared.InvalidFieldException;
import org.smartketing.shared.NotFoundException;
import org.smartketing.team.SignedInPerson;
import org.springframework.stereotype.Service;

/**
 * Checks what a person says their message is about, through every {@link RegardingTargets} bean,
 * and gives the link its current title and page.
 */
@Service
class RegardingLinks {

    private final Map<String, RegardingTargets> byKind;

    RegardingLinks(List<RegardingTargets> targets) {
        this.byKind = targets.stream().collect(Collectors.toMap(RegardingTargets::kind, Function.identity(), (a, b) -> {
            throw new IllegalStateException("Two beans for the regarding kind " + a.kind());
        }, TreeMap::new));
    }

    /** The kinds a message may be about, e.g. {@code [lead, meeting]}. */
    List<String> kinds() {
        return List.copyOf(byKind.keySet());
    }

    /**
     * @throws InvalidFieldException naming {@code regarding.kind} or {@code regarding.id}
     * @throws NotFoundException on {@code regarding.id} when there is none the viewer may see
     */
    Regarding resolve(String kind, String id, SignedInPerson viewer) {
        RegardingTargets targets = kind == null ? null : byKind.get(kind.strip());
        if (targets == null) {
            throw new InvalidFieldException("regarding.kind", "must be one of " + String.join(", ", kinds()));
        }
        if (id == null || id.isBlank()) {
            throw new InvalidFieldException("regarding.id", "must name the " + targets.kind());
        }
        // Unknown and not the viewer's to see answer alike, so the answer tells nobody what exists.
        Regarding found = targets.find(id.strip(), viewer).orElseThrow(
                () -> new NotFoundException(targets.kind() + " " + id.strip(), "regarding.id"));
        String title = found.title() == null || found.title().isBlank() ? found.kind() + " " + found.id() : found.title();
        return new Regarding(found.kind(), found.id(), title.length() > 200 ? title.substring(0, 199) + "…" : title,
                found.path());
    }

    /** {@code <kind>:<id>}, as the compose page carries it. */
    Regarding resolve(String kindAndId, SignedInPerson viewer) {
        int colon = kindAndId.indexOf(':');
        if (colon < 0) {
            throw new InvalidFieldException("regarding.kind", "must be one of " + String.join(", ", kinds()));
        }
        return resolve(kindAndId.substring(0, colon), kindAndId.substring(colon + 1), viewer);
    }
}
