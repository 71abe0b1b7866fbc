package org.smartketing.funnel.sla;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.smartketing.funnel.LeadAssigned;
import org.smartketing.funnel.LeadId;
import org.smartketing.funnel.Stage;
import org.smartketing.funnel.intake.IncomingLead;
import org.smartketing.funnel.intake.LeadIntake;
import org.smartketing.funnel.leads.Lead;
import org.smartketing.funnel.leads.LeadHistory;
import org.smartketing.funnel.leads.LeadStages;
import org.smartketing.funnel.leads.Leads;
import org.smartketing.team.Actor;
import org.smartketing.team.AppRole;
import org.smartketing.team.Department;
import org.smartketing.team.PersonId;
import org.smartketing.team.WorkingHours;
import org.smartketing.team.people.People;
import org.smartketing.team.people.Person;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Leads on their way from marketing to sales, for the SLA tests: an MQL, an owner, an assignment. */
public class Handoffs {

    private final LeadIntake intake;
    private final LeadStages stages;
    private final Leads leads;
    private final People people;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    final JdbcClient jdbc;

    public Handoffs(ApplicationContext context) {
        this.intake = context.getBean(LeadIntake.class);
        this.stages = context.getBean(LeadStages.class);
        this.leads = context.getBean(Leads.class);
        this.people = context.getBean(People.class);
        this.events = context;
        this.transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        this.jdbc = context.getBean(JdbcClient.class);
    }

    /** A sales rep in Berlin, 9 to 5, with a manager. */
    public Person aRepWithAManager() {
        Person manager = person("Head", AppRole.MANAGER, null);
        return person("Rep", AppRole.MEMBER, manager.id());
    }

    public Person person(String role, AppRole appRole, PersonId managerId) {
        String name = role + " " + UUID.randomUUID().toString().substring(0, 8);
        Person p = Person.invited(name.replace(' ', '.').toLowerCase() + "@example.com", name, Department.SALES, appRole,
                "Account executive", ZoneId.of("Europe/Berlin"), WorkingHours.standard(), managerId, Instant.now());
        people.insert(p);
        return p;
    }

    public Person personById(PersonId id) {
        return people.byId(id).orElseThrow();
    }

    LeadId aNewLead() {
        IncomingLead in = new IncomingLead("mql." + UUID.randomUUID() + "@example.com", null, null, null, "Mia", "Lead", "Acme", null, null, null, null, null, null, null, null, null, null, null, "webinar", null, null, null, null, List.of(), null, null, null);
        return intake.take(in, LeadHistory.Channel.API).lead().id();
    }

    public LeadId anMql() {
        LeadId id = aNewLead();
        move(id, Stage.MQL);
        return id;
    }

    /** Gives the lead to the owner as routing would: the owner saved and {@link LeadAssigned} told, in one transaction. */
    public void assign(LeadId lead, Person owner, Instant at) {
        transaction.executeWithoutResult(status -> {
            Lead before = leads.byId(lead).orElseThrow();
            leads.update(before.withOwner(owner.id().value(), at));
            events.publishEvent(new LeadAssigned(UUID.randomUUID(), lead, owner.id(),
                    before.ownerId() == null ? null : new PersonId(before.ownerId()), at, Actor.SYSTEM));
        });
    }

    LeadStages stages() {
        return stages;
    }

    void move(LeadId lead, Stage to) {
        stages.move(lead, new Lead.Transition(to, to == Stage.REJECTED ? "No budget" : null, null, null));
    }

    long audited(LeadId lead, String action) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE entity_type = 'lead' AND entity_id = ? AND action = ?")
                .params(lead.toString(), action).query(Long.class).single();
    }

    /** Notifications handed to the communication part for the person (it delivers them their way). */
    long messagesTo(Person person, String subjectStart) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM comms_message m JOIN comms_recipient r ON r.message_id = m.id
                WHERE r.person_id = ? AND m.subject LIKE ?""")
                .params(person.id().value(), subjectStart + "%").query(Long.class).single();
    }

    /** Plan steps that reach the person for someone else's notification: escalations to them. */
    long escalationsTo(Person person, String subjectStart) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM comms_message m JOIN comms_step s ON s.message_id = m.id
                WHERE s.person_id = ? AND s.recipient_id <> s.person_id AND m.subject LIKE ?""")
                .params(person.id().value(), subjectStart + "%").query(Long.class).single();
    }

    long jobsOf(LeadId lead) {
        return jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_instance LIKE ?")
                .param(lead + ":%").query(Long.class).single();
    }

    public List<ClockRun> runs(LeadId lead) {
        return jdbc.sql("SELECT * FROM lead_sla_clock WHERE lead_id = ? ORDER BY clock, run").param(lead.value())
                .query(ClockRuns::map).list();
    }
}
