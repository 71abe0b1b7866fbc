package org.smartketing.funnel.scoring;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.smartketing.funnel.leads.Lead;

/**
 * Points for who a lead is: a condition on one of the lead's fields and the points (negative for
 * a poor fit) a lead that meets it gets. Text is compared ignoring case.
 */
public record FitRule(UUID id, Field field, Operator operator, String value, int points) {

    /** What a fit rule may look at, and the comparisons that make sense for each. */
    public enum Field {
        COUNTRY(Operator.EQUALS, Operator.IN), REGION(Operator.EQUALS, Operator.IN), COMPANY(Operator.PRESENT),
        TITLE(Operator.CONTAINS, Operator.PRESENT), SOURCE(Operator.EQUALS, Operator.IN),
        TAG(Operator.EQUALS, Operator.IN);

        private final Set<Operator> operators;

        Field(Operator first, Operator... rest) {
            this.operators = EnumSet.of(first, rest);
        }

        public Set<Operator> operators() {
            return operators;
        }
    }

    /** EQUALS one value, IN a comma-separated list, CONTAINS a piece of text, or PRESENT (no value). */
    public enum Operator {
        EQUALS, IN, CONTAINS, PRESENT;

        public boolean needsValue() {
            return this != PRESENT;
        }
    }

    public FitRule {
        value = value == null || value.isBlank() || operator == Operator.PRESENT ? null : value.strip();
    }

    public boolean matches(Lead lead) {
        List<String> actual = switch (field) {
            case COUNTRY -> single(lead.contact().country());
            case REGION -> single(lead.contact().region());
            case COMPANY -> single(lead.contact().company());
            case TITLE -> single(lead.contact().title());
            case SOURCE -> single(lead.source());
            case TAG -> lead.tags().stream().map(FitRule::normal).toList();
        };
        return switch (operator) {
            case PRESENT -> !actual.isEmpty();
            case EQUALS -> actual.contains(normal(value));
            case IN -> Arrays.stream(value.split(",")).map(FitRule::normal).anyMatch(actual::contains);
            case CONTAINS -> actual.stream().anyMatch(a -> a.contains(normal(value)));
        };
    }

    /** For people: "Title contains 'director'". */
    public String describe() {
        String name = field.name().charAt(0) + field.name().substring(1).toLowerCase(Locale.ROOT);
        return switch (operator) {
            case PRESENT -> name + " is present";
            case EQUALS -> name + " is '" + value + "'";
            case IN -> name + " is one of '" + value + "'";
            case CONTAINS -> name + " contains '" + value + "'";
        };
    }

    private static List<String> single(String text) {
        return text == null || text.isBlank() ? List.of() : List.of(normal(text));
    }

    private static String normal(String text) {
        return text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    }
}
