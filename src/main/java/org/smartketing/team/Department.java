package org.smartketing.team;

public enum Department {
    SALES("Sales"), MARKETING("Marketing"), MANAGEMENT("Management"), OPERATIONS("Operations");

    private final String label;

    Department(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
