package org.smartketing.funnel;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * How rows read from a file become leads. Only the funnel writes leads; an import hands it rows
 * already mapped to the lead's fields ({@link #targets()}) and gets back what became of each.
 * Applying runs in the caller's transaction and records what it changed, so that
 * {@link #undo(UUID)} can put everything back.
 */
public interface LeadImports {

    /**
     * The system label of what an import does ({@code Actor.system(ACTOR)}): an MQL it makes is not
     * routed one by one; the import routes its MQLs together, if asked, and tells each rep once.
     */
    String ACTOR = "import";

    /** A field a column can be mapped to: its name as the JSON API and the lead export call it, and a label. */
    record Target(String name, String label) {
    }

    /**
     * One row of the file: its line number and its values by target name (a blank value is absent).
     * A target {@code externalIds.<system>} or {@code custom.<key>} carries one entry of that map.
     */
    record Row(long line, Map<String, String> values) {
    }

    /** What is wrong with one row: the target field it is about (null for the row as a whole). */
    record Problem(long line, String field, String value, String message) {
    }

    /** What an existing lead found by the row gets from it. */
    enum Policy {
        /** New people only; a row of a known lead is skipped. */
        CREATE_ONLY("Create new leads only"),
        /** New people are created; a known lead gets the values it lacks (the default). */
        CREATE_AND_FILL_BLANKS("Create new leads and fill in what known leads lack"),
        /** New people are created; a known lead takes every value the row gives. */
        CREATE_AND_OVERWRITE("Create new leads and overwrite known leads"),
        /** Known leads take every value the row gives; rows of unknown people are skipped. */
        UPDATE_ONLY("Update known leads only");

        private final String label;

        Policy(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** What a chunk of rows did. */
    record Outcome(int created, int updated, int merged, int skipped, int failed, List<Problem> problems) {
    }

    /** A row as it would be stored (field name to value), or why it would not be. */
    record Preview(long line, Map<String, String> stored, List<Problem> problems) {
    }

    /** Every target, in the order a person mapping columns would look for them. */
    List<Target> targets();

    /** The rows as they would be stored; writes nothing. */
    List<Preview> preview(List<Row> rows);

    /** The problems of these rows, as applying would find them; writes nothing. */
    List<Problem> check(List<Row> rows);

    /**
     * Applies the rows in the caller's transaction (which it requires), matching each by external
     * id, then email, then phone, against the leads stored and the rows before it in the file.
     * Imported leads are scored by the scoring job shortly after, together.
     */
    Outcome apply(UUID importId, List<Row> rows, Policy policy);

    /**
     * The lead that values naming a lead ({@code externalIds.<system>}, {@code email}, {@code phone})
     * are, matched as {@link #apply} matches a row: by external id, then email, then phone; empty
     * when none is stored or the values cannot name a lead. How an import of activities finds the
     * lead of each row. Locks the lead for the caller's transaction when there is one.
     */
    java.util.Optional<LeadId> leadOf(Map<String, String> values);

    /**
     * What qualifying a batch of an import's leads did: how many it made MQLs, how many of those
     * routing gave to each rep, how many found nobody (or were not routed), and the last lead of
     * the batch to go on after (null: there are no more).
     */
    record Qualified(int mqls, Map<org.smartketing.team.PersonId, Integer> assigned, int unrouted, LeadId last) {
    }

    /**
     * Scores the next leads the import created or changed (after {@code after}, in id order, at most
     * {@code limit}) in the caller's transaction, and makes MQLs of those that reach the threshold;
     * with {@code route} they are routed by the routing rules. Nothing is announced per lead to
     * the reps (the import tells each of them once); the moves and owners are recorded as the
     * import's ({@link #ACTOR}). Imported leads are left to the scoring job only if this never runs.
     */
    Qualified qualify(UUID importId, LeadId after, int limit, boolean route);

    /** Removes the leads the import created, puts back the ones it changed and removes its touches. */
    UndoneImport undo(UUID importId);

    /** What an undo put back. */
    record UndoneImport(int removed, int restored, int touchesRemoved) {
    }
}
