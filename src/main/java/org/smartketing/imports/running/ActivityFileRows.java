package org.smartketing.imports.running;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.smartketing.activity.Activity;
import org.smartketing.activity.ActivityId;
import org.smartketing.activity.ActivityLog;
import org.smartketing.activity.ActivitySource;
import org.smartketing.activity.ActivityType;
import org.smartketing.activity.NewActivity;
import org.smartketing.funnel.LeadId;
import org.smartketing.funnel.LeadImports;
import org.smartketing.funnel.LeadImports.Outcome;
import org.smartketing.funnel.LeadImports.Preview;
import org.smartketing.funnel.LeadImports.Problem;
import org.smartketing.funnel.LeadImports.Row;
import org.smartketing.funnel.LeadImports.Target;
import org.smartketing.shared.Text;
import org.smartketing.team.PersonSummary;
import org.smartketing.team.TeamDirectory;
import org.springframework.stereotype.Component;

/**
 * Activity files: each row names its lead (by id in another system, email or phone, as the funnel
 * matches leads), its type in the words exports use ("Call", HubSpot's "CALL", "Logged call"), when
 * it happened (with its offset, else in the importer's time zone), what it was about, and its owner
 * by email (blank: the importer). The activity log stores them ({@link ActivityLog#logAll}); the
 * ids it gave are kept with the import, for the undo.
 */
@Component
class ActivityFileRows implements RowWriter {

    static final String LEAD = "lead.";

    static final List<Target> TARGETS = List.of(
            new Target("lead.email", "Lead's email"),
            new Target("lead.phone", "Lead's phone"),
            new Target("lead.externalIds.salesforce", "Lead's Salesforce id"),
            new Target("lead.externalIds.hubspot", "Lead's HubSpot record id"),
            new Target("lead.externalIds.", "Lead's id in another system (lead.externalIds.<system>)"),
            new Target("type", "Type (call, email, meeting, demo…)"),
            new Target("occurredAt", "Date (and time)"),
            new Target("time", "Time, when apart from the date"),
            new Target("subject", "Subject"),
            new Target("notes", "Notes"),
            new Target("owner", "Owner's email"));

    /** How long an activity's outcome may be; subject and notes are joined and shortened to it. */
    static final int OUTCOME_LENGTH = 500;

    private static final Map<String, ActivityType> TYPES = types();

    private static final List<DateTimeFormatter> LOCAL_FORMS = List.of(
            form("uuuu-MM-dd"),
            isoWith(null),
            form("M/d/uuuu[ h:mm[:ss][ ]a]"),
            form("M/d/uuuu H:mm[:ss]"),
            form("d.M.uuuu[ H:mm[:ss]]"));

    private static final List<DateTimeFormatter> OFFSET_FORMS = List.of(isoWith("XXX"), isoWith("XX"), isoWith("VV"));

    private final ActivityLog log;
    private final LeadImports leads;
    private final TeamDirectory directory;
    private final ImportJobs jobs;
    private final Validator validator;

    ActivityFileRows(ActivityLog log, LeadImports leads, TeamDirectory directory, ImportJobs jobs, Validator validator) {
        this.log = log;
        this.leads = leads;
        this.directory = directory;
        this.jobs = jobs;
        this.validator = validator;
    }

    @Override
    public ImportJob.Kind kind() {
        return ImportJob.Kind.ACTIVITIES;
    }

    @Override
    public List<Target> targets() {
        return TARGETS;
    }

    @Override
    public List<Preview> preview(ImportJob job, List<Row> rows) {
        Context context = context(job);
        return rows.stream().map(row -> {
            Read read = read(row, context);
            return new Preview(row.line(), read.ok() ? stored(read, context) : Map.of(), read.problems());
        }).toList();
    }

    @Override
    public List<Problem> check(ImportJob job, List<Row> rows) {
        Context context = context(job);
        return rows.stream().flatMap(row -> read(row, context).problems().stream()).toList();
    }

    @Override
    public Outcome apply(ImportJob job, List<Row> rows) {
        Context context = context(job);
        List<NewActivity> good = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        int failed = 0;
        for (Row row : rows) {
            Read read = read(row, context);
            if (read.ok()) {
                good.add(read.activity());
            }
            else {
                failed++;
                problems.addAll(read.problems());
            }
        }
        List<Activity> stored = good.isEmpty() ? List.of() : log.logAll(good);
        jobs.createdActivities(job.id(), stored.stream().map(a -> a.id().value()).toList());
        return new Outcome(stored.size(), 0, 0, 0, failed, problems);
    }

    @Override
    public LeadImports.UndoneImport undo(UUID importId) {
        int removed = 0;
        for (List<UUID> ids = jobs.createdActivities(importId, 500); !ids.isEmpty();
                ids = jobs.createdActivities(importId, 500)) {
            removed += log.removeAll(ids.stream().map(ActivityId::new).toList());
            jobs.forgetActivities(importId, ids);
        }
        return new LeadImports.UndoneImport(removed, 0, 0);
    }

    /** Who may own the activities and where the importer's clock is: read once per chunk. */
    private record Context(Map<String, PersonSummary> people, PersonSummary importer, ZoneId zone) {
    }

    private record Read(NewActivity activity, List<Problem> problems) {

        boolean ok() {
            return problems.isEmpty();
        }
    }

    private Context context(ImportJob job) {
        Map<String, PersonSummary> people = new HashMap<>();
        directory.enabledPeople().forEach(p -> people.put(p.email().strip().toLowerCase(Locale.ROOT), p));
        PersonSummary importer = directory.person(job.createdBy()).orElse(null);
        return new Context(people, importer, importer != null && importer.zone() != null ? importer.zone() : ZoneOffset.UTC);
    }

    private Read read(Row row, Context context) {
        Map<String, String> v = row.values();
        List<Problem> problems = new ArrayList<>();
        ActivityType type = null;
        String typeText = v.get("type");
        if (typeText == null) {
            problems.add(new Problem(row.line(), "type", null, "is required: call, email, meeting, demo, content, "
                    + "campaign, webinar or event"));
        }
        else {
            type = type(typeText);
            if (type == null) {
                problems.add(new Problem(row.line(), "type", typeText, "is not a kind of activity we log: call, email, "
                        + "meeting, demo, content, campaign, webinar or event"));
            }
        }
        Instant at = null;
        String date = v.get("occurredAt");
        if (date == null) {
            problems.add(new Problem(row.line(), "occurredAt", null, "is required: when the activity happened"));
        }
        else {
            at = instant(v.get("time") == null ? date.strip() : date.strip() + " " + v.get("time").strip(), context.zone());
            if (at == null) {
                problems.add(new Problem(row.line(), v.get("time") == null ? "occurredAt" : "time",
                        v.get("time") == null ? date : v.get("time"),
                        "is not a date we can read, such as 2024-03-05 14:30, 2024-03-05T14:30:00Z or 3/5/2024 2:30 PM"));
            }
        }
        PersonSummary owner = context.importer();
        String ownerText = v.get("owner");
        if (ownerText != null) {
            owner = context.people().get(ownerText.strip().toLowerCase(Locale.ROOT));
            if (owner == null) {
                problems.add(new Problem(row.line(), "owner", ownerText, "no enabled person in Smartketing has this email"));
            }
        }
        else if (owner == null || !owner.enabled()) {
            problems.add(new Problem(row.line(), "owner", null, "is required: the importer is no longer enabled"));
        }
        UUID lead = lead(row, problems);
        if (!problems.isEmpty()) {
            return new Read(null, problems);
        }
        NewActivity activity = new NewActivity(type, owner.id(), at, outcome(v.get("subject"), v.get("notes")), lead,
                null, ActivitySource.IMPORT);
        for (ConstraintViolation<NewActivity> violation : validator.validate(activity)) {
            String field = violation.getPropertyPath().iterator().next().getName();
            String target = field.equals("outcome") ? (v.get("notes") != null ? "notes" : "subject")
                    : field.equals("personId") ? "owner" : field;
            problems.add(new Problem(row.line(), target, v.get(target), violation.getMessage()));
        }
        return new Read(problems.isEmpty() ? activity : null, problems);
    }

    /** The lead the row names; a problem naming the first lead column given when none is stored. */
    private UUID lead(Row row, List<Problem> problems) {
        Map<String, String> key = new LinkedHashMap<>();
        row.values().forEach((target, value) -> {
            if (target.startsWith(LEAD)) {
                key.put(target.substring(LEAD.length()), value);
            }
        });
        if (key.isEmpty()) {
            problems.add(new Problem(row.line(), "lead.email", null,
                    "is required: the lead's email, phone or id in another system"));
            return null;
        }
        Optional<LeadId> found = leads.leadOf(key);
        if (found.isEmpty()) {
            Map.Entry<String, String> first = key.entrySet().iterator().next();
            problems.add(new Problem(row.line(), LEAD + first.getKey(), first.getValue(), "no lead has this "
                    + (first.getKey().equals("email") ? "email" : first.getKey().equals("phone") ? "phone"
                            : "id in " + first.getKey().substring("externalIds.".length()))));
            return null;
        }
        return found.get().value();
    }

    private static Map<String, String> stored(Read read, Context context) {
        NewActivity a = read.activity();
        Map<String, String> shown = new LinkedHashMap<>();
        shown.put("type", a.type().label());
        shown.put("occurredAt", a.occurredAt().toString());
        shown.put("owner", context.people().values().stream().filter(p -> p.id().equals(a.personId()))
                .map(PersonSummary::displayName).findFirst().orElse(a.personId().toString()));
        shown.put("leadId", a.leadId().toString());
        if (a.outcome() != null) {
            shown.put("outcome", a.outcome());
        }
        return shown;
    }

    static String outcome(String subject, String notes) {
        String joined = subject == null ? notes : notes == null ? subject : subject.strip() + "\n" + notes.strip();
        return joined == null ? null : Text.abbreviate(joined.strip(), OUTCOME_LENGTH);
    }

    /** The type as exports write it: our labels, HubSpot's codes, Salesforce's subtypes, common phrasings. */
    static ActivityType type(String text) {
        return TYPES.get(key(text));
    }

    /** When a date (and time) happened: with its offset or zone if it has one, else in the zone given. */
    static Instant instant(String text, ZoneId zone) {
        try {
            return Instant.parse(text);
        }
        catch (DateTimeException ignored) {
            // another form
        }
        for (DateTimeFormatter form : OFFSET_FORMS) {
            try {
                TemporalAccessor parsed = form.parse(text);
                return ZonedDateTime.from(parsed).toInstant();
            }
            catch (DateTimeException ignored) {
                // another form
            }
        }
        for (DateTimeFormatter form : LOCAL_FORMS) {
            try {
                TemporalAccessor parsed = form.parseBest(text, LocalDateTime::from, LocalDate::from);
                LocalDateTime local = parsed instanceof LocalDate day ? day.atStartOfDay() : (LocalDateTime) parsed;
                return local.atZone(zone).toInstant();
            }
            catch (DateTimeException ignored) {
                // another form
            }
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        }
        catch (DateTimeException ex) {
            return null;
        }
    }

    /** A date, 'T' or a space, a time with optional seconds and fraction, then (if given) an offset or zone. */
    private static DateTimeFormatter isoWith(String offset) {
        DateTimeFormatterBuilder b = new DateTimeFormatterBuilder().parseCaseInsensitive()
                .append(DateTimeFormatter.ISO_LOCAL_DATE).optionalStart().appendLiteral('T').optionalEnd()
                .optionalStart().appendLiteral(' ').optionalEnd().append(DateTimeFormatter.ISO_LOCAL_TIME);
        if (offset != null) {
            b.optionalStart().appendLiteral(' ').optionalEnd().appendPattern(offset);
        }
        return b.toFormatter(Locale.US).withResolverStyle(java.time.format.ResolverStyle.STRICT);
    }

    private static DateTimeFormatter form(String pattern) {
        return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern).toFormatter(Locale.US)
                .withResolverStyle(java.time.format.ResolverStyle.STRICT);
    }

    private static String key(String text) {
        StringBuilder key = new StringBuilder();
        text.toLowerCase(Locale.ROOT).codePoints().filter(Character::isLetterOrDigit).forEach(key::appendCodePoint);
        return key.toString();
    }

    private static Map<String, ActivityType> types() {
        Map<String, ActivityType> types = new HashMap<>();
        for (ActivityType t : ActivityType.values()) {
            if (t.loggedByHand()) {
                types.put(key(t.label()), t);
                types.put(key(t.name()), t);
            }
        }
        for (String call : List.of("phonecall", "loggedcall", "outboundcall", "inboundcall", "callmade", "phone",
                "coldcall", "calllogged")) {
            types.put(call, ActivityType.CALL);
        }
        for (String email : List.of("e-mail", "sentemail", "incomingemail", "forwardedemail", "loggedemail",
                "emailsent", "outboundemail", "inboundemail", "listemail")) {
            types.put(key(email), ActivityType.EMAIL);
        }
        for (String meeting : List.of("meetingbooked", "meetingheld", "onlinemeeting", "videocall", "visit")) {
            types.put(meeting, ActivityType.MEETING);
        }
        for (String demo : List.of("productdemo", "demonstration", "demobooked")) {
            types.put(demo, ActivityType.DEMO);
        }
        return Map.copyOf(types);
    }
}
