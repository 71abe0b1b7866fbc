package org.smartketing.imports.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PresetsTests {

    /** Every target the lead has after the lead fields were extended, and the prefixes. */
    static final List<String> TARGETS = List.of("email", "phone", "mobile", "salutation", "firstName", "lastName",
            "company", "title", "website", "industry", "street", "city", "postalCode", "region", "country",
            "annualRevenue", "employees", "description", "source", "campaignId", "consentGiven", "consentAt",
            "consentMethod", "tags", "originalCreatedAt", "stage", "externalIds.", "custom.");

    /** 55 columns, as a Salesforce Lead report export writes them. */
    static final List<String> SALESFORCE = List.of("Id", "IsDeleted", "MasterRecordId", "Salutation", "FirstName",
            "LastName", "Title", "Company", "Street", "City", "State", "PostalCode", "Country", "Latitude", "Longitude",
            "GeocodeAccuracy", "Address", "Phone", "MobilePhone", "Fax", "Email", "Website", "PhotoUrl", "Description",
            "LeadSource", "Status", "Industry", "Rating", "AnnualRevenue", "NumberOfEmployees", "OwnerId",
            "IsConverted", "ConvertedDate", "ConvertedAccountId", "ConvertedContactId", "ConvertedOpportunityId",
            "IsUnreadByOwner", "CreatedDate", "CreatedById", "LastModifiedDate", "LastModifiedById", "SystemModstamp",
            "LastActivityDate", "LastViewedDate", "LastReferencedDate", "Jigsaw", "JigsawContactId", "CleanStatus",
            "CompanyDunsNumber", "DandbCompanyId", "EmailBouncedReason", "EmailBouncedDate", "IndividualId",
            "HasOptedOutOfEmail", "DoNotCall");

    static final List<String> HUBSPOT = List.of("Record ID", "First Name", "Last Name", "Email", "Phone Number",
            "Mobile Phone Number", "Company Name", "Job Title", "Street Address", "City", "State/Region", "Postal Code",
            "Country/Region", "Website URL", "Industry", "Annual Revenue", "Number of Employees", "Original Source",
            "Create Date", "Lifecycle Stage", "Contact owner", "Lead Status", "Last Activity Date");

    @Test
    void aSalesforceLeadExportIsRecognisedAndItsFieldsLandWhereAPersonWouldExpect() {
        assertThat(SALESFORCE).hasSize(55);
        Presets.Proposal p = Presets.propose(SALESFORCE, TARGETS);

        assertThat(p.preset()).isEqualTo("salesforce");
        Map<String, String> m = p.mapping();
        assertThat(m).containsEntry("Id", "externalIds.salesforce").containsEntry("FirstName", "firstName")
                .containsEntry("LastName", "lastName").containsEntry("Company", "company").containsEntry("Email", "email")
                .containsEntry("Phone", "phone").containsEntry("MobilePhone", "mobile").containsEntry("State", "region")
                .containsEntry("PostalCode", "postalCode").containsEntry("LeadSource", "source")
                .containsEntry("AnnualRevenue", "annualRevenue").containsEntry("NumberOfEmployees", "employees")
                .containsEntry("CreatedDate", "originalCreatedAt").containsEntry("Salutation", "salutation")
                .containsEntry("Website", "website").containsEntry("Industry", "industry");
        // what has no field of ours is left out, never guessed (the JSON-ish Address: its parts have columns)
        assertThat(m.get("Address")).isNull();
        assertThat(m.get("OwnerId")).isNull();
        assertThat(m.get("Status")).isNull();
        assertThat(m).hasSize(55);
    }

    @Test
    void aHubSpotContactsExportIsRecognised() {
        Presets.Proposal p = Presets.propose(HUBSPOT, TARGETS);

        assertThat(p.preset()).isEqualTo("hubspot");
        assertThat(p.mapping()).containsEntry("Record ID", "externalIds.hubspot").containsEntry("First Name", "firstName")
                .containsEntry("Phone Number", "phone").containsEntry("Mobile Phone Number", "mobile")
                .containsEntry("Company Name", "company").containsEntry("Job Title", "title")
                .containsEntry("Street Address", "street").containsEntry("State/Region", "region")
                .containsEntry("Postal Code", "postalCode").containsEntry("Country/Region", "country")
                .containsEntry("Website URL", "website").containsEntry("Original Source", "source")
                .containsEntry("Create Date", "originalCreatedAt").containsEntry("Lifecycle Stage", "stage");
        assertThat(p.mapping().get("Contact owner")).isNull();
    }

    @Test
    void theLeadExportsOwnHeaderMapsColumnForColumn() {
        List<String> header = new ArrayList<>(TARGETS.stream().filter(t -> !t.endsWith(".")).toList());
        header.addAll(List.of("externalIds.salesforce", "custom.shoeSize"));

        Presets.Proposal p = Presets.propose(header, TARGETS);

        assertThat(p.preset()).isEqualTo("generic");
        header.forEach(column -> assertThat(p.mapping()).containsEntry(column, column));
    }

    @Test
    void commonSynonymsAreRecognisedAndAFieldIsProposedOnce() {
        Presets.Proposal p = Presets.propose(List.of("E-mail", "Zip", "Surname", "Email address", "Organisation"),
                List.of("email", "lastName", "company"));

        assertThat(p.mapping()).containsEntry("E-mail", "email").containsEntry("Surname", "lastName")
                .containsEntry("Organisation", "company");
        assertThat(p.mapping().get("Email address")).isNull(); // email is taken by E-mail
        assertThat(p.mapping().get("Zip")).isNull(); // no postal code among these targets
    }

    static final List<String> ACTIVITY_TARGETS = List.of("lead.email", "lead.phone", "lead.externalIds.salesforce",
            "lead.externalIds.hubspot", "lead.externalIds.", "type", "occurredAt", "time", "subject", "notes", "owner");

    /** As a Salesforce Task export writes them: WhoId is the lead's Salesforce id. */
    static final List<String> SALESFORCE_TASKS = List.of("Id", "WhoId", "WhatId", "Subject", "ActivityDate", "Status",
            "Priority", "OwnerId", "Description", "Type", "TaskSubtype", "IsClosed", "CallType",
            "CallDurationInSeconds", "CreatedDate");

    static final List<String> HUBSPOT_ENGAGEMENTS = List.of("Engagement ID", "Engagement Type", "Activity date",
            "Activity assigned to", "Call title", "Call notes", "Associated Contact ID", "Associated Contact Email");

    @Test
    void aSalesforceTaskExportIsRecognisedWithWhoIdAsTheLeadAndTypeBeforeItsSubtype() {
        Presets.Proposal p = Presets.proposeActivities(SALESFORCE_TASKS, ACTIVITY_TARGETS);

        assertThat(p.preset()).isEqualTo("salesforce-tasks");
        assertThat(p.mapping()).containsEntry("WhoId", "lead.externalIds.salesforce")
                .containsEntry("ActivityDate", "occurredAt").containsEntry("Subject", "subject")
                .containsEntry("Description", "notes").containsEntry("Type", "type");
        assertThat(p.mapping().get("TaskSubtype")).isNull(); // one column per field
        assertThat(p.mapping().get("OwnerId")).isNull(); // a Salesforce user id is no person of ours
    }

    @Test
    void aHubSpotEngagementsExportIsRecognisedWithItsContactAndOwner() {
        Presets.Proposal p = Presets.proposeActivities(HUBSPOT_ENGAGEMENTS, ACTIVITY_TARGETS);

        assertThat(p.preset()).isEqualTo("hubspot-engagements");
        assertThat(p.mapping()).containsEntry("Engagement Type", "type").containsEntry("Activity date", "occurredAt")
                .containsEntry("Activity assigned to", "owner").containsEntry("Call title", "subject")
                .containsEntry("Call notes", "notes").containsEntry("Associated Contact ID", "lead.externalIds.hubspot")
                .containsEntry("Associated Contact Email", "lead.email");
    }

    @Test
    void genericActivityHeadersLandOnTheirFields() {
        Presets.Proposal p = Presets.proposeActivities(List.of("Email", "Type", "Date", "Time", "Notes", "Owner"),
                ACTIVITY_TARGETS);

        assertThat(p.preset()).isEqualTo("generic");
        assertThat(p.mapping()).containsEntry("Email", "lead.email").containsEntry("Type", "type")
                .containsEntry("Date", "occurredAt").containsEntry("Time", "time").containsEntry("Notes", "notes")
                .containsEntry("Owner", "owner");
    }
}
