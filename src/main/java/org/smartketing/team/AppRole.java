package org.smartketing.team;

/** What a person may do in the app; each role includes the ones before it. */
public enum AppRole {
    MEMBER("Member"), MANAGER("Manager"), ADMIN("Admin");

    private final String label;

    AppRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
