package org.smartketing.funnel.leads;

/** The orders the lead list can be read in; each ends on the id so that equal values keep one order. */
public enum ListOrder {

    NEWEST("Newest first", null), SCORE("Highest score first", null),
    NAME("Name, A to Z", "LOWER(last_name) ASC NULLS LAST, LOWER(first_name) ASC NULLS LAST, id"),
    COMPANY("Company, A to Z", "LOWER(company) ASC NULLS LAST, LOWER(last_name) ASC NULLS LAST, id");

    private final String label;
    private final String columns;

    ListOrder(String label, String columns) {
        this.label = label;
        this.columns = columns;
    }

    public String label() {
        return label;
    }

    /** The list's parameter for this order, e.g. {@code name}. */
    public String parameter() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** An order by a parameter as the list's links write it; null for anything else. */
    public static ListOrder of(String parameter) {
        for (ListOrder order : values()) {
            if (order.parameter().equals(parameter)) {
                return order;
            }
        }
        return null;
    }

    boolean byPosition() {
        return columns != null;
    }

    String columns() {
        return columns;
    }
}
