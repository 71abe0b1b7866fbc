package org.smartketing.insights.score;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The weekly scores, oldest first, each week's change from the week before explained by the
 * component whose points moved most: "−4: speed to lead (p90) rose from 3 h to 9 h".
 */
public record ScoreTrend(List<Week> weeks) {

    public ScoreTrend {
        weeks = List.copyOf(weeks);
    }

    /**
     * @param change      the score minus the week before's; null for the first week or without a score
     * @param movedMost   the component whose points moved most from the week before (null: none moved)
     * @param explanation the change in words, or null for the first week
     */
    public record Week(LocalDate weekStart, Double score, Double change, ScoreComponent movedMost, String explanation,
            SmartketingScore detail) {
    }

    /** A week's score, by the Monday it starts on. */
    public record Point(LocalDate weekStart, SmartketingScore score) {
    }

    public static ScoreTrend of(List<Point> points, ScoreTexts texts) {
        List<Week> weeks = new ArrayList<>();
        Point before = null;
        for (Point p : points) {
            if (before == null) {
                weeks.add(new Week(p.weekStart(), p.score().score(), null, null, null, p.score()));
            }
            else {
                weeks.add(compare(before, p, texts));
            }
            before = p;
        }
        return new ScoreTrend(weeks);
    }

    private static Week compare(Point before, Point now, ScoreTexts texts) {
        Double a = before.score().score();
        Double b = now.score().score();
        Optional<Moved> most = movedMost(before.score(), now.score());
        if (a == null || b == null) {
            String text = b == null ? "No score: no component had data this week." : "First score after a week without data.";
            return new Week(now.weekStart(), b, null, most.map(Moved::key).orElse(null), text, now.score());
        }
        double change = b - a;
        String text = texts.change(change) + ": " + most.map(m -> m.describe(texts)).orElse("no component moved");
        return new Week(now.weekStart(), b, change, most.map(Moved::key).orElse(null), text, now.score());
    }

    /** The components that moved most in points from {@code before} to {@code now}, most first (those that moved at all). */
    public static List<Moved> moved(SmartketingScore before, SmartketingScore now) {
        List<Moved> out = new ArrayList<>();
        for (ScoreComponent c : ScoreComponent.values()) {
            SmartketingScore.Component x = find(before, c);
            SmartketingScore.Component y = find(now, c);
            double delta = points(y) - points(x);
            boolean dataChanged = (x == null || !x.hasData()) != (y == null || !y.hasData());
            if (Math.abs(delta) >= 0.05 || dataChanged) {
                out.add(new Moved(c, x == null ? null : x.value(), y == null ? null : y.value(), delta));
            }
        }
        out.sort(Comparator.comparingDouble((Moved m) -> -Math.abs(m.pointsChange())));
        return out;
    }

    static Optional<Moved> movedMost(SmartketingScore before, SmartketingScore now) {
        return moved(before, now).stream().findFirst();
    }

    private static SmartketingScore.Component find(SmartketingScore s, ScoreComponent c) {
        return s.components().stream().filter(x -> x.key() == c).findFirst().orElse(null);
    }

    private static double points(SmartketingScore.Component c) {
        return c == null || c.points() == null ? 0 : c.points();
    }

    /** How one component moved: its value before and now, and the points it gained (negative: lost). */
    public record Moved(ScoreComponent key, Double before, Double now, double pointsChange) {

        /** "speed to lead (p90) rose from 3 h to 9 h". */
        public String describe(ScoreTexts texts) {
            String name = ScoreTexts.inSentence(key);
            if (before == null && now == null) {
                return name + " had no data";
            }
            if (before == null) {
                return name + " now has data: " + texts.value(key, now);
            }
            if (now == null) {
                return name + " had no data (it was " + texts.value(key, before) + ")";
            }
            String verb = now > before ? "rose" : now < before ? "fell" : "stayed";
            if ("stayed".equals(verb)) {
                return name + " stayed at " + texts.value(key, now) + " (its share of the weight changed)";
            }
            return name + " " + verb + " from " + texts.value(key, before) + " to " + texts.value(key, now);
        }
    }
}
