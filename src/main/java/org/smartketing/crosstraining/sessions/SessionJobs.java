package org.smartketing.crosstraining.sessions;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartketing.comms.Messenger;
import org.smartketing.comms.NewMessage;
import org.smartketing.comms.Regarding;
import org.smartketing.comms.Urgency;
import org.smartketing.crosstraining.SessionId;
import org.smartketing.shared.Sql;
import org.smartketing.team.PersonId;
import org.smartketing.team.PersonSummary;
import org.smartketing.team.TeamDirectory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

/**
 * Runs the session's persistent jobs (see {@link SessionNotices}). Each re-reads its session and
 * records that it fired with a guarded UPDATE, so a stale job (moved or cancelled session), a
 * repeated one or a second node finds nothing to do: the reminders go once, NORMAL, through the
 * communication router.
 */
@Service
@Transactional
public class SessionJobs {

    private static final Logger log = LoggerFactory.getLogger(SessionJobs.class);

    private final SessionStore store;
    private final JdbcClient jdbc;
    private final Messenger messenger;
    private final TeamDirectory directory;
    private final Clock clock;

    SessionJobs(SessionStore store, JdbcClient jdbc, Messenger messenger, TeamDirectory directory, Clock clock) {
        this.store = store;
        this.jdbc = jdbc;
        this.messenger = messenger;
        this.directory = directory;
        this.clock = clock;
    }

    /** The day before: to the host and every learner. */
    public void remind(String jobId) {
        List<String> parts = SessionNotices.parts(jobId);
        Instant start = Instant.ofEpochSecond(Long.parseLong(parts.get(1)));
        SessionId id = new SessionId(UUID.fromString(parts.get(0)));
        int marked = jdbc.sql("""
                UPDATE crosstraining_session SET reminded_for = ?
                WHERE id = ? AND status = 'SCHEDULED' AND starts_at = ? AND (reminded_for IS NULL OR reminded_for <> ?)""")
                .params(Sql.utc(start), id.value(), Sql.utc(start), Sql.utc(start)).update();
        Session s = store.byId(id).orElse(null);
        if (marked == 0 || s == null) {
            log.debug("Session reminder {} found nothing to do", jobId);
            return;
        }
        List<PersonId> everyone = new ArrayList<>(s.learners());
        everyone.add(s.host().id());
        for (PersonId p : enabled(everyone)) {
            messenger.send(NewMessage.system(p, Urgency.NORMAL, "Tomorrow: " + s.topic(),
                    (p.equals(s.host().id()) ? "You host " : "You are learning in ") + s.topic() + " tomorrow, "
                            + s.durationMinutes() + " minutes. The session's page has the details.",
                    regarding(s)));
        }
    }

    /** Two days after the end: to each learner who has not written their reflection (once each). */
    public void remindToReflect(String jobId) {
        List<String> parts = SessionNotices.parts(jobId);
        Instant end = Instant.ofEpochSecond(Long.parseLong(parts.get(1)));
        Session s = store.byId(new SessionId(UUID.fromString(parts.get(0)))).orElse(null);
        if (s == null || s.cancelled() || !s.endsAt().equals(end)) {
            log.debug("Reflection reminder {} found nothing to do", jobId);
            return;
        }
        for (PersonId p : enabled(store.remindOnce(s.id(), clock.instant()))) {
            messenger.send(NewMessage.system(p, Urgency.NORMAL, "What did you learn? " + s.topic(),
                    "Two days ago you were in " + s.topic() + ". Write down what you learned and one change you "
                            + "will make; the change can become an action item.", regarding(s)));
        }
    }

    private List<PersonId> enabled(List<PersonId> people) {
        return directory.people(people).values().stream().filter(PersonSummary::enabled).map(PersonSummary::id).toList();
    }

    private static Regarding regarding(Session s) {
        return new Regarding("cross-training-session", s.id().toString(), s.topic(), "/cross-training/sessions/" + s.id());
    }

    @Configuration(proxyBeanMethods = false)
    static class Scheduling {

        @Bean
        OneTimeTask<Void> crossTrainingReminderTask(ObjectProvider<SessionJobs> jobs) {
            return Tasks.oneTime(SessionNotices.REMINDER).execute((i, c) -> jobs.getObject().remind(i.getId()));
        }

        @Bean
        OneTimeTask<Void> crossTrainingReflectionTask(ObjectProvider<SessionJobs> jobs) {
            return Tasks.oneTime(SessionNotices.REFLECTION).execute((i, c) -> jobs.getObject().remindToReflect(i.getId()));
        }
    }
}
