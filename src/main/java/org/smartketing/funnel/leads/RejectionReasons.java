package org.smartketing.funnel.leads;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The reasons sales may give for rejecting a lead: an agreed list that admins keep. */
@Repository
public class RejectionReasons {

    private final JdbcClient jdbc;

    RejectionReasons(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<String> active() {
        return jdbc.sql("SELECT label FROM rejection_reason WHERE active = TRUE ORDER BY position, label")
                .query(String.class).list();
    }
}
