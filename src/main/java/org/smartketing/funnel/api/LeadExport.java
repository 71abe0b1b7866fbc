package org.smartketing.funnel.api;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.smartketing.funnel.LeadId;
import org.smartketing.funnel.intake.CustomFields;
import org.smartketing.funnel.leads.Lead;
import org.smartketing.funnel.leads.Leads;
import org.smartketing.shared.CsvColumns;
import org.smartketing.shared.CsvWriter;
import org.smartketing.team.PersonId;
import org.smartketing.team.TeamDirectory;
import org.springframework.stereotype.Component;

/**
 * The lead list as CSV, for the page and the API alike: the rows the list finds with the same
 * filter and order, every page of them, read {@link #PAGE} at a time by the list's own cursor (so
 * no query holds a snapshot for the length of a download, and no more than a page is ever held).
 * The header is the lead's JSON field names, so a file comes back in through the CSV import as it
 * went out; the owner is named by email. A cell a spreadsheet would take for a formula (a phone
 * {@code +49 …} too) starts with an apostrophe ({@code CsvCells}), which the import drops again.
 */
@Component
public class LeadExport {

    /** How many leads are read at a time. */
    static final int PAGE = 1000;

    /** A lead as a line of the file: its API view and its owner's email. */
    public record Row(LeadView lead, String owner) {
    }

    private final Leads leads;
    private final TeamDirectory directory;
    private final CustomFields customFields;

    LeadExport(Leads leads, TeamDirectory directory, CustomFields customFields) {
        this.leads = leads;
        this.directory = directory;
        this.customFields = customFields;
    }

    /**
     * The columns, in the order the import knows them: one per system the leads have ids in
     * ({@code externalIds.<system>}) and per custom field defined ({@code custom.<key>}).
     */
    public CsvColumns<Row> columns() {
        List<String> systems = leads.externalSystems();
        List<String> fields = customFields.all().stream().map(CustomFields.CustomField::key).toList();
        return CsvColumns.<Row>of()
                .add("id", r -> r.lead().id())
                .add("email", r -> r.lead().email())
                .add("phone", r -> r.lead().phone())
                .add("mobile", r -> r.lead().mobile())
                .add("salutation", r -> r.lead().salutation())
                .add("firstName", r -> r.lead().firstName())
                .add("lastName", r -> r.lead().lastName())
                .add("company", r -> r.lead().company())
                .add("title", r -> r.lead().title())
                .add("website", r -> r.lead().website())
                .add("industry", r -> r.lead().industry())
                .add("street", r -> r.lead().street())
                .add("city", r -> r.lead().city())
                .add("postalCode", r -> r.lead().postalCode())
                .add("region", r -> r.lead().region())
                .add("country", r -> r.lead().country())
                .add("annualRevenue", r -> r.lead().annualRevenue())
                .add("employees", r -> r.lead().employees())
                .add("description", r -> r.lead().description())
                .add("source", r -> r.lead().source())
                .add("campaignId", r -> r.lead().campaignId())
                .add("consentGiven", r -> r.lead().consent().given())
                .add("consentAt", r -> r.lead().consent().at())
                .add("consentMethod", r -> r.lead().consent().method())
                .add("tags", r -> r.lead().tags())
                .add("originalCreatedAt", r -> r.lead().originalCreatedAt())
                .addEach(prefixed("externalIds.", systems), r -> values(r.lead().externalIds(), systems))
                .addEach(prefixed("custom.", fields), r -> values(r.lead().custom(), fields))
                .add("stage", r -> r.lead().stage())
                .add("owner", Row::owner)
                .add("score", r -> r.lead().score())
                .add("createdAt", r -> r.lead().createdAt());
    }

    private static List<String> prefixed(String prefix, List<String> keys) {
        return keys.stream().map(k -> prefix + k).toList();
    }

    private static List<String> values(Map<String, String> values, List<String> keys) {
        return keys.stream().map(k -> values == null ? null : values.get(k)).toList();
    }

    /** Every lead the filter finds, in the list's order (highest score first, or newest first). */
    public CsvWriter.Rows<Row> rows(Leads.Filter filter, boolean byScore) {
        return each -> {
            Map<UUID, String> owners = new HashMap<>();
            String cursor = null;
            do {
                Leads.Slice slice = leads.find(filter, byScore, cursor, PAGE);
                lookUpOwners(slice.items(), owners);
                slice.items().forEach(l -> each.accept(new Row(LeadView.of(l), owners.get(l.ownerId()))));
                cursor = slice.nextCursor();
            }
            while (cursor != null);
        };
    }

    /** The leads picked on the list, in the order picked (deleted or merged ones left out). */
    public CsvWriter.Rows<Row> rows(List<LeadId> picked) {
        return each -> {
            Map<UUID, String> owners = new HashMap<>();
            List<Lead> found = picked.stream().map(leads::byId).flatMap(java.util.Optional::stream).toList();
            lookUpOwners(found, owners);
            found.forEach(l -> each.accept(new Row(LeadView.of(l), owners.get(l.ownerId()))));
        };
    }

    /** Adds the emails of the page's owners not known yet (a few people own most leads). */
    private void lookUpOwners(List<Lead> page, Map<UUID, String> owners) {
        Set<PersonId> unknown = page.stream().map(Lead::ownerId).filter(Objects::nonNull)
                .filter(id -> !owners.containsKey(id)).map(PersonId::new).collect(Collectors.toSet());
        if (!unknown.isEmpty()) {
            directory.people(unknown).values().forEach(p -> owners.put(p.id().value(), p.email()));
        }
        unknown.forEach(id -> owners.putIfAbsent(id.value(), null));
    }

    /** The file's name. */
    public static String fileName() {
        return "leads.csv";
    }
}
