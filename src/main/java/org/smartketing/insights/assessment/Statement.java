package org.smartketing.insights.assessment;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The questionnaire: two statements per {@link Dimension}, each scored from 1 (not at all) to 5
 * (fully), phrased so that 5 means well aligned. The key is what the API and the stored answers use.
 */
public enum Statement {
    KNOW_AND_TRUST(Dimension.RELATIONSHIPS, "know-and-trust",
            "People in sales and marketing know each other and trust each other's work."),
    RAISE_PROBLEMS(Dimension.RELATIONSHIPS, "raise-problems",
            "When something goes wrong between our departments, we talk about it within a day."),
    SAME_NUMBERS(Dimension.METRICS, "same-numbers",
            "Sales and marketing are judged by the same numbers: pipeline and revenue, not clicks or calls alone."),
    FOLLOW_UP_PROMISE(Dimension.METRICS, "follow-up-promise",
            "We have agreed how fast leads are followed up, and we keep to it."),
    LEADS_WORTH_TIME(Dimension.LEAD_GENERATION, "leads-worth-time",
            "The leads marketing hands over are worth a salesperson's time."),
    READY_FOR_SALES(Dimension.LEAD_GENERATION, "ready-for-sales",
            "We agree on what makes a lead ready for sales."),
    SHARED_GOALS(Dimension.CULTURE, "shared-goals",
            "Both departments feel responsible for the same goals."),
    AGREED_GETS_DONE(Dimension.CULTURE, "agreed-gets-done",
            "What we agree in our joint meetings gets done."),
    ONE_RECORD(Dimension.SYSTEMS, "one-record",
            "Everyone works from the same record of each lead and customer."),
    QUICK_HANDOFF(Dimension.SYSTEMS, "quick-handoff",
            "A new lead reaches the right salesperson quickly, without anyone passing it on by hand."),
    SAME_STORY(Dimension.MESSAGING, "same-story",
            "Our campaigns and our sales conversations tell customers the same story."),
    FEEDBACK_USED(Dimension.MESSAGING, "feedback-used",
            "Sales tells marketing which messages work with customers, and marketing uses it.");

    private final Dimension dimension;
    private final String key;
    private final String text;

    Statement(Dimension dimension, String key, String text) {
        this.dimension = dimension;
        this.key = key;
        this.text = text;
    }

    public Dimension dimension() {
        return dimension;
    }

    public String key() {
        return key;
    }

    public String text() {
        return text;
    }

    public static Optional<Statement> byKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
    }

    public static List<Statement> of(Dimension dimension) {
        return Arrays.stream(values()).filter(s -> s.dimension == dimension).toList();
    }
}
