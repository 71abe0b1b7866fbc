package org.smartketing.goals.plan;

import java.time.Instant;

import org.smartketing.team.PersonId;

/** A manager endorsed one version of a goal, in one capacity. */
public record Endorsement(int version, PersonId by, As as, Instant at) {

    /** In which capacity: a goal is fully endorsed by both heads, or by its sponsor. */
    public enum As {
        HEAD_OF_SALES("Head of sales"), HEAD_OF_MARKETING("Head of marketing"), SPONSOR("Sponsor");

        private final String label;

        As(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
