package org.smartketing.team.people;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.smartketing.mail.Mailer;
import org.smartketing.shared.FieldConflictException;
import org.smartketing.shared.NotFoundException;
import org.smartketing.shared.RuleViolationException;
import org.smartketing.team.AppRole;
import org.smartketing.team.AuditLog;
import org.smartketing.team.Department;
import org.smartketing.team.WorkingHours;
import org.smartketing.team.PersonId;
import org.smartketing.shared.PublicLinks;
import org.smartketing.team.signin.OneTimeLinks;
import org.smartketing.team.signin.TeamSettings;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Inviting, editing, disabling and enabling people; every change audited. */
@Service
@Transactional
public class PersonAdministration {

    static final String AUDIT_TYPE = "person";

    private final People people;
    private final OneTimeLinks links;
    private final PublicLinks addresses;
    private final Mailer mailer;
    private final AuditLog audit;
    private final TeamSettings settings;
    private final Clock clock;

    PersonAdministration(People people, OneTimeLinks links, PublicLinks addresses, Mailer mailer, AuditLog audit,
            TeamSettings settings, Clock clock) {
        this.people = people;
        this.links = links;
        this.addresses = addresses;
        this.mailer = mailer;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    public Person invite(PersonDetails details, String invitedBy) {
        requireKnownManager(details.manager());
        if (people.byEmail(details.email()).isPresent()) {
            throw new FieldConflictException("email", "Someone with this email address is already here.");
        }
        Person person = Person.invited(details.email(), details.displayName(), details.department(),
                details.appRole(), details.jobRole(), details.zone(), details.workingHours(), details.manager(),
                clock.instant());
        try {
            people.insert(person);
        }
        catch (DuplicateKeyException ex) {
            throw new FieldConflictException("email", "Someone with this email address is already here.");
        }
        audit.record(AUDIT_TYPE, person.id(), "invited", null, person.summary());
        sendInvitation(person, invitedBy);
        return person;
    }

    public void resendInvitation(PersonId id, String invitedBy) {
        Person person = find(id);
        if (person.hasAcceptedInvitation() || !person.enabled()) {
            throw new RuleViolationException(person.displayName() + " has no open invitation.");
        }
        audit.record(AUDIT_TYPE, person.id(), "invitation-resent", null, null);
        sendInvitation(person, invitedBy);
    }

    public Person update(PersonId id, PersonDetails details) {
        Person before = find(id);
        requireKnownManager(details.manager());
        Instant now = clock.instant();
        Person after = before.withProfile(details.displayName(), details.jobRole(), details.zone(),
                details.workingHours(), now).withPlacement(details.department(), details.appRole(), details.manager(), now);
        if (before.isActiveAdmin() && !after.isActiveAdmin()) {
            requireAnotherAdmin();
        }
        return save(before, after, "updated");
    }

    public Person updateProfile(PersonId id, ProfileDetails details) {
        Person before = find(id);
        Person after = before.withProfile(details.displayName(), details.jobRole(), details.zone(),
                details.workingHours(), clock.instant());
        return save(before, after, "profile-updated");
    }

    public Person setEnabled(PersonId id, boolean enabled, PersonId actor) {
        Person before = find(id);
        if (before.enabled() == enabled) {
            return before;
        }
        if (!enabled && id.equals(actor)) {
            throw new RuleViolationException("You cannot disable yourself; ask another administrator.");
        }
        if (!enabled && before.isActiveAdmin()) {
            requireAnotherAdmin();
        }
        return save(before, before.withEnabled(enabled, clock.instant()), enabled ? "enabled" : "disabled");
    }

    /** Creates an administrator who can sign in at once; refused once an active administrator exists. */
    public Person createFirstAdmin(String email, String displayName, ZoneId zone, String passwordHash) {
        if (people.anyActiveAdmin() || !people.claimFirstStart(clock.instant())) {
            throw new RuleViolationException("Smartketing is already set up; sign in instead.");
        }
        if (people.byEmail(email).isPresent()) {
            throw new FieldConflictException("email", "Someone with this email address is already here.");
        }
        Instant now = clock.instant();
        Person admin = Person.invited(email, displayName, Department.OPERATIONS, AppRole.ADMIN,
                "Administrator", zone, WorkingHours.standard(), null, now)
                .withPasswordHash(passwordHash, now);
        people.insert(admin);
        audit.record(AUDIT_TYPE, admin.id(), "first-admin-created", null, admin.summary());
        return admin;
    }

    private Person save(Person before, Person after, String action) {
        people.update(after);
        audit.record(AUDIT_TYPE, after.id(), action, before.summary(), after.summary());
        return after;
    }

    private void sendInvitation(Person person, String invitedBy) {
        String secret = links.issue(person.id(), OneTimeLinks.Purpose.INVITATION, settings.signIn().invitationValidity());
        mailer.send(person.email(), "You are invited to Smartketing", """
                Hello %s,

                %s invited you to Smartketing, where sales and marketing work as one team.
                Choose your password here (the link works once, for %d days):

                %s
                """.formatted(person.displayName(), invitedBy, settings.signIn().invitationValidity().toDays(),
                addresses.absolute("/invitations/" + secret)));
    }

    private Person find(PersonId id) {
        return people.byId(id).orElseThrow(() -> new NotFoundException("Person " + id));
    }

    private void requireKnownManager(PersonId manager) {
        if (manager != null && people.byId(manager).isEmpty()) {
            throw new FieldConflictException("managerId", "There is no person with this id.");
        }
    }

    private void requireAnotherAdmin() {
        if (people.countActiveAdmins() <= 1) {
            throw new RuleViolationException("Smartketing needs at least one active administrator.");
        }
    }
}
