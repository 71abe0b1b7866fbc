package org.smartketing.team.signin;

import java.time.ZoneId;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartketing.shared.EmailAddress;
import org.smartketing.team.demo.DemoCompany;
import org.smartketing.team.people.People;
import org.smartketing.team.people.PersonAdministration;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Unattended installs: creates the administrator from {@code SMARTKETING_ADMIN_EMAIL} and
 * {@code SMARTKETING_ADMIN_PASSWORD} when none exists, and fills the demo company when
 * {@code smartketing.demo=true} and it is not there yet.
 */
@Component
class FirstStart {

    private static final Logger log = LoggerFactory.getLogger(FirstStart.class);

    private final TeamSettings settings;
    private final People people;
    private final PersonAdministration administration;
    private final Passwords passwords;
    private final DemoCompany demo;

    FirstStart(TeamSettings settings, People people, PersonAdministration administration, Passwords passwords,
            DemoCompany demo) {
        this.settings = settings;
        this.people = people;
        this.administration = administration;
        this.passwords = passwords;
        this.demo = demo;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        TeamSettings.Admin admin = settings.admin();
        if (admin.isSet() && !people.anyActiveAdmin()) {
            requireValid(admin);
            administration.createFirstAdmin(admin.email(), admin.name(), ZoneId.of("UTC"), passwords.hash(admin.password()));
            log.info("Created the first administrator {} from configuration", admin.email());
        }
        if (settings.demo() && !demo.isFilled()) {
            if (people.count() > (admin.isSet() ? 1 : 0)) {
                log.warn("Not filling the demo company: this database already has people, and the demo adds an "
                        + "administrator with a published password.");
                return;
            }
            demo.fill();
            log.info("Filled the demo company; sign in as {} with password '{}'", DemoCompany.ADMIN_EMAIL,
                    DemoCompany.PASSWORD);
        }
    }

    /** An unattended install fails at start, saying why, rather than creating an account nobody can use. */
    private static void requireValid(TeamSettings.Admin admin) {
        if (!new EmailAddress.Validator().isValid(admin.email(), null)) {
            throw new IllegalStateException("SMARTKETING_ADMIN_EMAIL is not an email address: " + admin.email());
        }
        if (!new ValidPassword.Validator().isValid(admin.password(), null)) {
            throw new IllegalStateException("SMARTKETING_ADMIN_PASSWORD must be 10 to 72 characters long");
        }
    }
}
