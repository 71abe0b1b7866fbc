/**
 * Imports: CSV files of leads or activities read as they come (any size, encoding and
 * delimiter), mapped to our fields, checked line by line, applied chunk by chunk by a persistent
 * job that survives restarts, and undone as a whole within a week. The funnel applies the lead
 * rows ({@code funnel.LeadImports}), the activity log the activity rows ({@code activity.ActivityLog#logAll}),
 * each naming its lead as the funnel matches leads.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Imports")
@org.smartketing.shared.OwnsTables({ "import_job", "import_error", "import_mapping", "import_activity",
        "import_file_chunk" })
package org.smartketing.imports;
