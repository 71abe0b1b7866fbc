package org.smartketing.funnel.sla;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.smartketing.team.Department;

/**
 * One version of the handoff agreement: sales accepts or rejects each MQL within
 * {@code acceptHours} working hours of its owner and makes first contact within
 * {@code firstContactHours}; marketing delivers {@code mqlsPerMonth} MQLs a month. Version 0 is
 * the configured default before anyone saved one; it cannot be signed.
 */
public record Agreement(int version, int acceptHours, int firstContactHours, int mqlsPerMonth, Instant createdAt,
        String createdBy, List<Signature> signatures) {

    /** The departments whose heads sign. */
    public static final List<Department> SIGNING = List.of(Department.SALES, Department.MARKETING);

    public record Signature(Department department, UUID personId, String personName, Instant signedAt) {
    }

    public Agreement {
        signatures = List.copyOf(signatures);
    }

    public Optional<Signature> signatureOf(Department department) {
        return signatures.stream().filter(s -> s.department() == department).findFirst();
    }

    public boolean signedByBoth() {
        return SIGNING.stream().allMatch(d -> signatureOf(d).isPresent());
    }

    public boolean sameTermsAs(int accept, int firstContact, int mqls) {
        return acceptHours == accept && firstContactHours == firstContact && mqlsPerMonth == mqls;
    }
}
