package org.smartketing.imports.running;

import java.util.ArrayList;
import java.util.List;

import org.smartketing.shared.DataSubject;
import org.smartketing.shared.PersonalData;
import org.smartketing.shared.PersonalRows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Imports' part of a lead's personal data: the bad lines kept with their cell as it was in the file
 * (which may be the person's email or name). An erase replaces the person's values in those cells
 * and messages; the lines and counts stay. (The rows an import changed, kept for its undo, are the
 * funnel's and erased there.)
 */
@Component
class ImportPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    ImportPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String part() {
        return "importErrors";
    }

    @Override
    public Object export(DataSubject subject) {
        List<Object> args = new ArrayList<>();
        String where = subject.sqlMentions(args, "cell", "message");
        return PersonalRows.rows(jdbc, "SELECT import_id, phase, line_no, column_name, cell, message FROM import_error WHERE "
                + where + " ORDER BY import_id, line_no", args);
    }

    @Override
    public void erase(DataSubject subject) {
        PersonalRows.scrubMentions(jdbc, subject, "import_error", List.of("id"), List.of("cell", "message"));
    }
}
