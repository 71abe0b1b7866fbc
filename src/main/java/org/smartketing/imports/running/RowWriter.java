package org.smartketing.imports.running;

import java.util.List;
import java.util.UUID;

import org.smartketing.funnel.LeadImports.Outcome;
import org.smartketing.funnel.LeadImports.Preview;
import org.smartketing.funnel.LeadImports.Problem;
import org.smartketing.funnel.LeadImports.Row;
import org.smartketing.funnel.LeadImports.Target;
import org.smartketing.funnel.LeadImports.UndoneImport;

/**
 * What the rows of one kind of file become, and by whose service: leads by the funnel's, activities
 * by the activity log's. The shapes are the funnel's import records, so both kinds answer alike.
 */
interface RowWriter {

    ImportJob.Kind kind();

    /** The fields a column of such a file may be mapped to. */
    List<Target> targets();

    /** The rows as they would be stored; writes nothing. */
    List<Preview> preview(ImportJob job, List<Row> rows);

    /** The problems of these rows, as applying would find them; writes nothing. */
    List<Problem> check(ImportJob job, List<Row> rows);

    /** Applies the rows in the caller's transaction. */
    Outcome apply(ImportJob job, List<Row> rows);

    /** Removes (and puts back) what the import wrote. */
    UndoneImport undo(UUID importId);

    static RowWriter of(List<RowWriter> writers, ImportJob.Kind kind) {
        return writers.stream().filter(w -> w.kind() == kind).findFirst()
                .orElseThrow(() -> new IllegalStateException("No writer of " + kind));
    }
}
