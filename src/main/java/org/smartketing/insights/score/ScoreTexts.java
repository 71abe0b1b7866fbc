package org.smartketing.insights.score;

import java.text.NumberFormat;
import java.util.Locale;

/** The score's figures in plain words, formatted for the viewer's locale. */
public final class ScoreTexts {

    static final String MINUS = "\u2212";

    private final Locale locale;

    public ScoreTexts(Locale locale) {
        this.locale = locale;
    }

    /** A measured value or target in its unit: "82 %", "3.5 h"; "no data" for none. */
    public String value(ScoreComponent c, Double value) {
        if (value == null) {
            return "no data";
        }
        if (c.unit() == ScoreComponent.Unit.PERCENT) {
            NumberFormat f = NumberFormat.getPercentInstance(locale);
            f.setMaximumFractionDigits(Math.abs(value) < 0.1 && value != 0 ? 1 : 0);
            return f.format(value);
        }
        return number(value, 1) + " h";
    }

    /** A number with at most {@code digits} decimals. */
    public String number(double value, int digits) {
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMaximumFractionDigits(digits);
        f.setMinimumFractionDigits(0);
        return f.format(value);
    }

    /** A change with its sign: "+2.5", "−4", "±0". */
    public String change(double delta) {
        double rounded = Math.round(delta * 10) / 10.0;
        if (rounded == 0) {
            return "\u00b10";
        }
        return (rounded > 0 ? "+" : MINUS) + number(Math.abs(rounded), 1);
    }

    /** "SLA adherence 82 % of 90 % → 18.2 of 20"; "Rejection rate: no data". */
    public String line(SmartketingScore.Component c) {
        if (!c.hasData()) {
            return c.key().label() + ": no data";
        }
        return c.key().label() + " " + value(c.key(), c.value()) + " of " + value(c.key(), c.target()) + " \u2192 "
                + number(c.points(), 1) + " of " + number(c.effectiveWeight(), 1);
    }

    /** The component's name inside a sentence: "speed to lead (p90)", but "SLA adherence". */
    public static String inSentence(ScoreComponent c) {
        String label = c.label();
        if (label.length() > 1 && Character.isUpperCase(label.charAt(1))) {
            return label;
        }
        return Character.toLowerCase(label.charAt(0)) + label.substring(1);
    }
}
