package org.smartketing.comms;

import java.util.Optional;
import java.util.UUID;

import org.smartketing.team.SignedInPerson;

/**
 * One kind of thing a person's message may be about. Each part that owns such things declares a
 * bean (comms for leads, meetings for meetings; goals plug in here when they exist), so comms can
 * check and name a link without depending on the parts that depend on it.
 */
public interface RegardingTargets {

    /** What the link says it points to, e.g. {@code lead}; one bean per kind. */
    String kind();

    /**
     * The thing with this id, named and with its page, or empty when there is none, the id is
     * malformed, or the viewer (the message's sender) may not see it: a message must not name, nor
     * tell the existence of, what its sender could not open.
     */
    Optional<Regarding> find(String id, SignedInPerson viewer);

    /** The id as a UUID, or empty when it is none: ids come from people and are checked, never trusted. */
    static Optional<UUID> uuidOf(String id) {
        try {
            return id == null ? Optional.empty() : Optional.of(UUID.fromString(id));
        }
        catch (IllegalArgumentException ex) {
            return Optional.empty();
        }
    }
}
