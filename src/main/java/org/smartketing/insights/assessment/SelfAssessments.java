package org.smartketing.insights.assessment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.smartketing.comms.Messenger;
import org.smartketing.comms.NewMessage;
import org.smartketing.comms.Regarding;
import org.smartketing.comms.Urgency;
import org.smartketing.insights.InsightFilter;
import org.smartketing.insights.InsightMeasures;
import org.smartketing.insights.InsightTiles;
import org.smartketing.shared.FieldConflictException;
import org.smartketing.shared.InvalidFieldException;
import org.smartketing.shared.NotFoundException;
import org.smartketing.shared.Sql;
import org.smartketing.team.Department;
import org.smartketing.team.PersonId;
import org.smartketing.team.PersonSummary;
import org.smartketing.team.SignedInPerson;
import org.smartketing.team.TeamDirectory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;

/**
 * The quarterly self-assessment: a round per quarter (opened by the quarterly job or an admin,
 * closed by an admin or by the next quarter's round), every member's answer to the
 * {@link Statement}s once per round, a reminder a week after opening to those who have not answered,
 * and the results: each side's mean per {@link Dimension} — only for five or more answers — their
 * gap, and the measured value of that dimension over the round's quarter.
 */
@Service
@Transactional
public class SelfAssessments {

    static final String REMINDER = "insights-assessment-reminder";
    static final Duration REMIND_AFTER = Duration.ofDays(7);
    /** The fewest answers of one side whose figures are shown. */
    public static final int GROUP = 5;

    /** Whose view an answer gives, by the department of who gave it. */
    public enum Side {
        MARKETING("Marketing"), SALES("Sales"), OTHER("Management and operations");

        private final String label;

        Side(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        static Side of(Department department) {
            return switch (department) {
                case MARKETING -> MARKETING;
                case SALES -> SALES;
                default -> OTHER;
            };
        }
    }

    public record Round(UUID id, String quarter, Instant openedAt, String openedBy, Instant closedAt,
            Instant remindedAt) {

        public boolean open() {
            return closedAt == null;
        }

        /** The first and last day of the round's quarter. */
        public LocalDate firstDay() {
            return quarterStart(quarter);
        }

        public LocalDate lastDay() {
            return firstDay().plusMonths(3).minusDays(1);
        }
    }

    /**
     * One side's view of a dimension: the mean of its answers' scores, or none for fewer than
     * {@link #GROUP} answers.
     */
    public record SideScore(Side side, int answers, Double mean) {

        public boolean enough() {
            return mean != null;
        }
    }

    /**
     * A dimension's result: each side, the gap (marketing's mean less sales', when both have enough
     * answers), the measured value over the quarter, and the sentence that puts them together.
     */
    public record DimensionResult(Dimension dimension, Map<Side, SideScore> sides, Double gap, Double measured,
            String measuredText, String sentence) {
    }

    public record Results(Round round, Map<Side, Integer> answers, List<DimensionResult> dimensions, LocalDate from,
            LocalDate to) {
    }

    private final JdbcClient jdbc;
    private final TeamDirectory directory;
    private final Messenger messenger;
    private final InsightTiles tiles;
    private final SchedulerClient scheduler;
    private final Clock clock;

    SelfAssessments(JdbcClient jdbc, TeamDirectory directory, Messenger messenger, InsightTiles tiles,
            SchedulerClient scheduler, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.messenger = messenger;
        this.tiles = tiles;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<Round> current() {
        return jdbc.sql("SELECT * FROM insight_assessment_round WHERE closed_at IS NULL ORDER BY opened_at DESC")
                .query(SelfAssessments::round).list().stream().findFirst();
    }

    @Transactional(readOnly = true)
    public List<Round> rounds() {
        return jdbc.sql("SELECT * FROM insight_assessment_round ORDER BY quarter DESC").query(SelfAssessments::round).list();
    }

    @Transactional(readOnly = true)
    public Round round(UUID id) {
        return jdbc.sql("SELECT * FROM insight_assessment_round WHERE id = ?").param(id).query(SelfAssessments::round)
                .optional().orElseThrow(() -> new NotFoundException("Self-assessment round " + id));
    }

    @Transactional(readOnly = true)
    public boolean answered(UUID round, PersonId person) {
        return jdbc.sql("SELECT COUNT(*) FROM insight_assessment_participant WHERE round_id = ? AND person_id = ?")
                .params(round, person.value()).query(Long.class).single() > 0;
    }

    /** Opens this quarter's round (UTC quarters), or opens it again if it was closed; closes any older open round. */
    public Round openThisQuarter(String openedBy) {
        return open(quarterOf(LocalDate.now(clock.withZone(ZoneOffset.UTC))), openedBy);
    }

    /** Opens the quarter's round ({@code 2026-Q4}); once per quarter whoever asks, on whichever node. */
    Round open(String quarter, String openedBy) {
        Instant now = clock.instant();
        jdbc.sql("UPDATE insight_assessment_round SET closed_at = ? WHERE closed_at IS NULL AND quarter <> ?")
                .params(Sql.utc(now), quarter).update();
        UUID id = UUID.randomUUID();
        int inserted = jdbc.sql("""
                INSERT INTO insight_assessment_round (id, quarter, opened_at, opened_by)
                SELECT ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM insight_assessment_round WHERE quarter = ?)""")
                .params(id, quarter, Sql.utc(now), openedBy, quarter).update();
        if (inserted == 0) {
            jdbc.sql("UPDATE insight_assessment_round SET closed_at = NULL WHERE quarter = ?").param(quarter).update();
        }
        Round round = jdbc.sql("SELECT * FROM insight_assessment_round WHERE quarter = ?").param(quarter)
                .query(SelfAssessments::round).single();
        if (inserted > 0) {
            scheduler.scheduleIfNotExists(new TaskInstance<Void>(REMINDER, round.id().toString()),
                    now.plus(REMIND_AFTER));
        }
        return round;
    }

    public Round close(UUID id) {
        Round round = round(id);
        jdbc.sql("UPDATE insight_assessment_round SET closed_at = ? WHERE id = ? AND closed_at IS NULL")
                .params(Sql.utc(clock.instant()), id).update();
        return round(round.id());
    }

    /**
     * Stores the person's answer to the open round: a score from 1 to 5 for every statement, by its key.
     *
     * @throws InvalidFieldException naming the statement whose score is missing or not 1 to 5, or one that is unknown
     * @throws FieldConflictException naming {@code round} when none is open or the person already answered it
     */
    public void answer(Map<String, Integer> scores, SignedInPerson me) {
        Round round = current().orElseThrow(() -> new FieldConflictException("round",
                "no self-assessment round is open; the next one opens at the start of the quarter"));
        Map<Statement, Integer> checked = check(scores);
        try {
            jdbc.sql("INSERT INTO insight_assessment_participant (round_id, person_id) VALUES (?, ?)")
                    .params(round.id(), me.id().value()).update();
        }
        catch (DuplicateKeyException ex) {
            throw new FieldConflictException("round", "you have already answered this round");
        }
        UUID response = UUID.randomUUID();
        jdbc.sql("INSERT INTO insight_assessment_response (id, round_id, side) VALUES (?, ?, ?)")
                .params(response, round.id(), Side.of(me.department()).name()).update();
        checked.forEach((statement, score) -> jdbc.sql(
                "INSERT INTO insight_assessment_score (response_id, statement, score) VALUES (?, ?, ?)")
                .params(response, statement.key(), score).update());
    }

    static Map<Statement, Integer> check(Map<String, Integer> scores) {
        Map<String, Integer> given = scores == null ? Map.of() : scores;
        for (String key : given.keySet()) {
            if (Statement.byKey(key).isEmpty()) {
                throw new InvalidFieldException(key, "is not a statement of the self-assessment");
            }
        }
        Map<Statement, Integer> checked = new EnumMap<>(Statement.class);
        for (Statement s : Statement.values()) {
            Integer score = given.get(s.key());
            if (score == null) {
                throw new InvalidFieldException(s.key(), "needs a score from 1 to 5");
            }
            if (score < 1 || score > 5) {
                throw new InvalidFieldException(s.key(), "must be a score from 1 to 5");
            }
            checked.put(s, score);
        }
        return checked;
    }

    /** The round's results, measured over its quarter up to today, days as they pass in the zone. */
    @Transactional(readOnly = true)
    public Results results(UUID id, ZoneId zone) {
        Round round = round(id);
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate to = round.lastDay().isBefore(today) ? round.lastDay() : today;
        LocalDate from = round.firstDay().isAfter(to) ? to : round.firstDay();
        InsightMeasures measures = tiles.measures(new InsightFilter(from, to, zone, null, null, null));
        return new Results(round, counts(id), results(sums(id), measures.values()), from, to);
    }

    /** Answers per side. */
    private Map<Side, Integer> counts(UUID round) {
        Map<Side, Integer> counts = new EnumMap<>(Side.class);
        for (Side side : Side.values()) {
            counts.put(side, 0);
        }
        jdbc.sql("SELECT side, COUNT(*) AS answers FROM insight_assessment_response WHERE round_id = ? GROUP BY side")
                .param(round).query((rs, n) -> counts.put(Side.valueOf(rs.getString("side")), rs.getInt("answers")))
                .list();
        return counts;
    }

    /** Per dimension and side: how many answers, and the sum of their scores and how many scores that is. */
    record Sum(Dimension dimension, Side side, int answers, long total, int scores) {
    }

    private List<Sum> sums(UUID round) {
        record Row(String statement, Side side, long answers, long total) {
        }
        List<Row> rows = jdbc.sql("""
                SELECT s.statement, r.side, COUNT(*) AS answers, SUM(s.score) AS total
                FROM insight_assessment_score s JOIN insight_assessment_response r ON r.id = s.response_id
                WHERE r.round_id = ? GROUP BY s.statement, r.side""")
                .param(round).query((rs, n) -> new Row(rs.getString("statement"), Side.valueOf(rs.getString("side")),
                        rs.getLong("answers"), rs.getLong("total"))).list();
        List<Sum> sums = new ArrayList<>();
        for (Dimension d : Dimension.values()) {
            for (Side side : Side.values()) {
                long total = 0;
                int scores = 0;
                int answers = 0;
                for (Row row : rows) {
                    Optional<Statement> s = Statement.byKey(row.statement());
                    if (row.side() == side && s.isPresent() && s.get().dimension() == d) {
                        total += row.total();
                        scores += (int) row.answers();
                        answers = Math.max(answers, (int) row.answers());
                    }
                }
                sums.add(new Sum(d, side, answers, total, scores));
            }
        }
        return sums;
    }

    /** The means, gaps and sentences from the sums (pure: the tests compute them by hand). */
    static List<DimensionResult> results(List<Sum> sums, Map<InsightMeasures.Measure, Double> measured) {
        List<DimensionResult> results = new ArrayList<>();
        for (Dimension d : Dimension.values()) {
            Map<Side, SideScore> sides = new LinkedHashMap<>();
            for (Sum sum : sums) {
                if (sum.dimension() == d) {
                    Double mean = sum.answers() >= GROUP && sum.scores() > 0 ? (double) sum.total() / sum.scores() : null;
                    sides.put(sum.side(), new SideScore(sum.side(), sum.answers(), mean));
                }
            }
            SideScore marketing = sides.get(Side.MARKETING);
            SideScore sales = sides.get(Side.SALES);
            Double gap = marketing != null && sales != null && marketing.enough() && sales.enough()
                    ? marketing.mean() - sales.mean() : null;
            Double value = measured.get(d.measure());
            String text = d.format(value);
            results.add(new DimensionResult(d, sides, gap, value, text, sentence(d, marketing, sales, text)));
        }
        return results;
    }

    /** "Marketing rates lead quality 4.1, sales 2.3; measured rejection rate 31 %." */
    static String sentence(Dimension d, SideScore marketing, SideScore sales, String measured) {
        String views;
        boolean m = marketing != null && marketing.enough();
        boolean s = sales != null && sales.enough();
        if (m && s) {
            views = "Marketing rates " + d.topic() + " " + one(marketing.mean()) + ", sales " + one(sales.mean());
        }
        else if (m) {
            views = "Marketing rates " + d.topic() + " " + one(marketing.mean()) + "; sales: not enough answers yet";
        }
        else if (s) {
            views = "Sales rates " + d.topic() + " " + one(sales.mean()) + "; marketing: not enough answers yet";
        }
        else {
            views = "Not enough answers yet";
        }
        return views + "; measured " + d.measured() + " " + (measured == null ? "not known yet" : measured) + ".";
    }

    static String one(double value) {
        return String.format(Locale.ENGLISH, "%.1f", value);
    }

    /**
     * A week after the round opened: a NORMAL message through the communication router to every
     * enabled person who has not answered, once (a guarded UPDATE: a repeated job or a second node
     * finds nothing to do). Returns how many were reminded.
     */
    public int remind(UUID id) {
        int marked = jdbc.sql("""
                UPDATE insight_assessment_round SET reminded_at = ?
                WHERE id = ? AND reminded_at IS NULL AND closed_at IS NULL""")
                .params(Sql.utc(clock.instant()), id).update();
        if (marked == 0) {
            return 0;
        }
        Round round = round(id);
        List<UUID> answered = jdbc.sql("SELECT person_id FROM insight_assessment_participant WHERE round_id = ?")
                .param(id).query(UUID.class).list();
        int reminded = 0;
        for (PersonSummary p : directory.enabledPeople()) {
            if (answered.contains(p.id().value())) {
                continue;
            }
            messenger.send(NewMessage.system(p.id(), Urgency.NORMAL, "Your view: the " + round.quarter()
                    + " self-assessment", "Twelve statements about how sales and marketing work together, scored 1 to 5; "
                            + "about three minutes. Answers are anonymous and shown only for groups of five or more.",
                    new Regarding("self-assessment", round.id().toString(), "Self-assessment " + round.quarter(),
                            "/self-assessment")));
            reminded++;
        }
        return reminded;
    }

    static String quarterOf(LocalDate day) {
        return day.getYear() + "-Q" + ((day.getMonthValue() - 1) / 3 + 1);
    }

    static LocalDate quarterStart(String quarter) {
        int year = Integer.parseInt(quarter.substring(0, 4));
        int q = quarter.charAt(6) - '0';
        return LocalDate.of(year, (q - 1) * 3 + 1, 1);
    }

    private static Round round(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Round(Sql.uuid(rs, "id"), rs.getString("quarter"), Sql.instant(rs, "opened_at"),
                rs.getString("opened_by"), Sql.instant(rs, "closed_at"), Sql.instant(rs, "reminded_at"));
    }
}
