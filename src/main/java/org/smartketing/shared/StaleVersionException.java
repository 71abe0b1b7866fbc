package org.smartketing.shared;

/**
 * A replace based on a version of something that was changed meanwhile (two admins editing the
 * same set-up): refused, so nobody's change is silently overwritten. The API answers 409 naming
 * the field {@code version}; a page shows the current state with the person's change still in
 * the form.
 */
public class StaleVersionException extends FieldConflictException {

    private final int currentVersion;

    public StaleVersionException(String what, int basedOn, int currentVersion) {
        super("version", what + " changed meanwhile: this change was based on version " + basedOn
                + ", it is now at version " + currentVersion + ". Reload it, make the change again and send it with version "
                + currentVersion + ".");
        this.currentVersion = currentVersion;
    }

    public int currentVersion() {
        return currentVersion;
    }
}
