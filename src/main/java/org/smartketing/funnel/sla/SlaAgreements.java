package org.smartketing.funnel.sla;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.smartketing.shared.InvalidFieldException;
import org.smartketing.shared.RuleViolationException;
import org.smartketing.team.AppRole;
import org.smartketing.team.AuditLog;
import org.smartketing.team.Department;
import org.smartketing.team.PersonSummary;
import org.smartketing.team.SignedInPerson;
import org.smartketing.team.TeamDirectory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The agreement both heads sign. A change of terms makes a new version, which nobody has signed
 * yet; a manager of sales or of marketing signs the current version for their department.
 */
@Service
@Transactional
public class SlaAgreements {

    private final Agreements agreements;
    private final TeamDirectory directory;
    private final AuditLog audit;
    private final SlaSettings settings;
    private final Clock clock;

    SlaAgreements(Agreements agreements, TeamDirectory directory, AuditLog audit, SlaSettings settings, Clock clock) {
        this.agreements = agreements;
        this.directory = directory;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    /** The version in force, or the configured defaults (version 0) before anyone saved one. */
    @Transactional(readOnly = true)
    public Agreement current() {
        return agreements.latest().orElseGet(this::defaults);
    }

    /** The version in force at the end of the period before {@code at}. */
    @Transactional(readOnly = true)
    public Agreement inForceBefore(Instant at) {
        return agreements.inForceBefore(at).orElseGet(this::defaults);
    }

    /** Saves new terms as the next version; the same terms again change nothing. */
    public Agreement change(AgreementTerms terms, SignedInPerson by) {
        Agreement before = current();
        if (before.version() > 0
                && before.sameTermsAs(terms.acceptHours(), terms.firstContactHours(), terms.mqlsPerMonth())) {
            return before;
        }
        Agreement after = new Agreement(before.version() + 1, terms.acceptHours(), terms.firstContactHours(),
                terms.mqlsPerMonth(), clock.instant(), by.displayName(), List.of());
        agreements.insert(after, by.id().value());
        audit.record("sla-agreement", after.version(), "created", before.version() == 0 ? null : snapshot(before),
                snapshot(after));
        return after;
    }

    /**
     * Signs {@code version} for the signer's department. Only a manager (or admin) of sales or
     * marketing may sign, and only for their own department: anyone else is refused as not
     * allowed, whatever they send. Signing an outdated version is a conflict.
     *
     * @param department the department the caller means to sign for, or null for their own
     */
    public Agreement sign(int version, Department department, SignedInPerson signer) {
        PersonSummary person = directory.person(signer.id()).orElseThrow(() -> new AccessDeniedException("unknown"));
        if (person.appRole() == AppRole.MEMBER || !Agreement.SIGNING.contains(person.department())) {
            throw new AccessDeniedException("Only a manager of sales or of marketing signs the agreement.");
        }
        if (department != null && department != person.department()) {
            throw new AccessDeniedException("A manager signs for their own department only.");
        }
        Agreement current = current();
        if (current.version() == 0) {
            throw new RuleViolationException("There is no agreement to sign yet: save its terms first.");
        }
        if (version != current.version()) {
            throw new InvalidFieldException("version", "must be the current version, " + current.version()
                    + "; the terms changed since you read them");
        }
        current.signatureOf(person.department()).ifPresent(s -> {
            throw new RuleViolationException(person.department().label() + " already signed version " + version
                    + " (" + s.personName() + ").");
        });
        agreements.sign(version, new Agreement.Signature(person.department(), person.id().value(),
                person.displayName(), clock.instant()));
        Agreement after = current();
        audit.record("sla-agreement", version, "signed", snapshot(current), snapshot(after));
        return after;
    }

    private Agreement defaults() {
        return new Agreement(0, settings.acceptHours(), settings.firstContactHours(), settings.mqlsPerMonth(), null,
                AuditLog.SYSTEM, List.of());
    }

    private static Map<String, Object> snapshot(Agreement a) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("version", a.version());
        s.put("acceptHours", a.acceptHours());
        s.put("firstContactHours", a.firstContactHours());
        s.put("mqlsPerMonth", a.mqlsPerMonth());
        s.put("signedBy", a.signatures().stream().map(x -> x.department().name() + ":" + x.personName()).toList());
        return s;
    }
}
