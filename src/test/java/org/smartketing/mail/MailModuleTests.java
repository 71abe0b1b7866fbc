package org.smartketing.mail;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.smartketing.team.TeamDirectory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.smartketing.shared.jobs.ScheduledJobs;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.kagkarlsson.scheduler.Scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * The mail part booted on its own: it needs nothing of the other parts, only the job scheduler and
 * its helper of {@code shared.jobs}, mocks here. Without SMTP an email is held in the outbox and no job is
 * scheduled; an email of a change that rolls back is never stored.
 */
@ApplicationModuleTest(webEnvironment = WebEnvironment.NONE)
@ActiveProfiles("test")
class MailModuleTests {

    @MockitoBean
    Scheduler scheduler;

    @MockitoBean
    ScheduledJobs jobs;

    @Autowired
    Mailer mailer;

    @Autowired
    MailOutbox outbox;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    ApplicationContext context;

    @Test
    void startsWithoutTheOtherParts() {
        assertThat(context.getBeanNamesForType(TeamDirectory.class)).as("team").isEmpty();
        assertThat(context.getBeanNamesForType(Mailer.class)).hasSize(1);
    }

    @Test
    void holdsAnEmailInTheOutboxWithoutSmtpAndSchedulesNothing() {
        String to = "held." + System.nanoTime() + "@example.com";

        mailer.send(to, "Your invitation", "Welcome", List.of(MailAttachment.text("a.txt", "text/plain", "hi")));

        assertThat(outbox.to(to, 10)).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).isEqualTo("Your invitation");
            assertThat(mail.status()).isEqualTo("HELD");
        });
        verifyNoInteractions(scheduler, jobs);
    }

    @Test
    void keepsNoEmailOfAChangeThatRolledBack() {
        String to = "rolled-back." + System.nanoTime() + "@example.com";

        transaction.executeWithoutResult(status -> {
            mailer.send(to, "Never sent", "Gone with the change");
            status.setRollbackOnly();
        });

        assertThat(outbox.to(to, 10)).isEmpty();
    }
}
