package org.smartketing.goals.progress;

import org.smartketing.shared.DataSubject;
import org.smartketing.shared.PersonalData;
import org.smartketing.shared.PersonalRows;
import org.smartketing.shared.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Goals' part of a lead's personal data: the lead's stage moves and SLA breaches that goals count,
 * kept as ids and times only (no names, no free text). There is nothing personal to erase: the
 * counts stay as they are, so the goals' progress does not change.
 */
@Component
class GoalPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    GoalPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String part() {
        return "goalCounts";
    }

    @Override
    public Object export(DataSubject subject) {
        String in = Sql.marks(subject.leadIds().size());
        return java.util.Map.of("funnelMoves", PersonalRows.rows(jdbc, "SELECT to_stage, mover_id, moved_at FROM goal_funnel_move"
                + " WHERE lead_id IN (" + in + ") ORDER BY moved_at", subject.leadIds()),
                "slaBreaches", PersonalRows.rows(jdbc, "SELECT breached_at FROM goal_sla_breach WHERE lead_id IN (" + in
                        + ") ORDER BY breached_at", subject.leadIds()));
    }

    @Override
    public void erase(DataSubject subject) {
        // ids and times only: nothing that names or reaches the person
    }
}
