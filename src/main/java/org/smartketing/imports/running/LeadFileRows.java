package org.smartketing.imports.running;

import java.util.List;
import java.util.UUID;

import org.smartketing.funnel.LeadImports;
import org.springframework.stereotype.Component;

/** Lead files: the funnel applies them ({@link LeadImports}). */
@Component
class LeadFileRows implements RowWriter {

    private final LeadImports leads;

    LeadFileRows(LeadImports leads) {
        this.leads = leads;
    }

    @Override
    public ImportJob.Kind kind() {
        return ImportJob.Kind.LEADS;
    }

    @Override
    public List<LeadImports.Target> targets() {
        return leads.targets();
    }

    @Override
    public List<LeadImports.Preview> preview(ImportJob job, List<LeadImports.Row> rows) {
        return leads.preview(rows);
    }

    @Override
    public List<LeadImports.Problem> check(ImportJob job, List<LeadImports.Row> rows) {
        return leads.check(rows);
    }

    @Override
    public LeadImports.Outcome apply(ImportJob job, List<LeadImports.Row> rows) {
        return leads.apply(job.id(), rows, job.policy());
    }

    @Override
    public LeadImports.UndoneImport undo(UUID importId) {
        return leads.undo(importId);
    }
}
