package org.smartketing.activity.log;

import java.io.IOException;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.smartketing.activity.log.ActivitiesApiController.ActivityView;
import org.smartketing.team.TeamDirectory;
import org.smartketing.shared.CsvDownloads;
import org.springframework.stereotype.Component;

/** The activity log as CSV, for the page and the API: the API's fields, and the person's name beside their id. */
@Component
class ActivityExport {

    private final Activities activities;
    private final TeamDirectory directory;
    private final CsvDownloads csv;

    ActivityExport(Activities activities, TeamDirectory directory, CsvDownloads csv) {
        this.activities = activities;
        this.directory = directory;
        this.csv = csv;
    }

    /** Every activity the filter finds, newest first, written as it is read. */
    void send(HttpServletResponse response, Activities.Filter filter) throws IOException {
        Map<UUID, String> names = directory.names();
        CsvDownloads.send(response, "activities.csv", csv.columnsOf(ActivityView.class)
                .add("personName", a -> names.get(a.personId())),
                each -> activities.each(filter, a -> each.accept(ActivityView.of(a))));
    }
}
