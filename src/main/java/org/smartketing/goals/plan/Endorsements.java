package org.smartketing.goals.plan;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where a goal stands with management: the newest version both heads (or the sponsor) endorsed,
 * whether the goal changed since, and who endorsed the current version so far.
 *
 * @param endorsedVersion the newest fully endorsed version, or {@code null} when none is
 */
public record Endorsements(int currentVersion, Integer endorsedVersion, List<Endorsement> ofCurrent,
        List<Endorsement> all) {

    public static Endorsements of(int currentVersion, List<Endorsement> all) {
        Integer endorsed = all.stream().map(Endorsement::version).distinct()
                .filter(v -> fully(all.stream().filter(e -> e.version() == v).map(Endorsement::as)
                        .collect(Collectors.toSet())))
                .max(Integer::compare).orElse(null);
        return new Endorsements(currentVersion, endorsed,
                all.stream().filter(e -> e.version() == currentVersion).toList(), List.copyOf(all));
    }

    static boolean fully(Set<Endorsement.As> as) {
        return as.contains(Endorsement.As.SPONSOR)
                || as.containsAll(EnumSet.of(Endorsement.As.HEAD_OF_SALES, Endorsement.As.HEAD_OF_MARKETING));
    }

    public boolean current() {
        return endorsedVersion != null && endorsedVersion == currentVersion;
    }

    public boolean changedSince() {
        return endorsedVersion != null && endorsedVersion < currentVersion;
    }

    /** "Endorsed v2", "Endorsed v2, changed since", "Not endorsed yet". */
    public String label() {
        if (endorsedVersion == null) {
            return "Not endorsed yet";
        }
        return "Endorsed v" + endorsedVersion + (changedSince() ? ", changed since" : "");
    }

    /** Who still has to endorse the current version, in words; empty when it is fully endorsed. */
    public String waitingFor() {
        if (current()) {
            return "";
        }
        Set<Endorsement.As> done = ofCurrent.stream().map(Endorsement::as).collect(Collectors.toSet());
        if (done.contains(Endorsement.As.HEAD_OF_SALES)) {
            return "the head of marketing (or the sponsor)";
        }
        if (done.contains(Endorsement.As.HEAD_OF_MARKETING)) {
            return "the head of sales (or the sponsor)";
        }
        return "the heads of sales and marketing, or the sponsor";
    }

    public String state() {
        return endorsedVersion == null ? "NOT_ENDORSED" : changedSince() ? "CHANGED_SINCE" : "ENDORSED";
    }
}
