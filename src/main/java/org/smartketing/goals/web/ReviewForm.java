package org.smartketing.goals.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.smartketing.goals.plan.PlannedActivity;
import org.smartketing.goals.review.Reviews;

/** The review form of a goal page: a decision per activity, maybe a new outcome target and one new activity. */
public class ReviewForm {

    private Integer version;
    private String note;
    private BigDecimal outcomeTarget;
    private List<Row> rows = new ArrayList<>();
    private GoalForm.Row added = new GoalForm.Row();

    /** What the review decides for one activity. */
    public static class Row {
        private UUID activityId;
        private String decision = "KEEP";
        private Integer target;
        private List<UUID> ownerIds;

        public UUID getActivityId() { return activityId; }
        public void setActivityId(UUID activityId) { this.activityId = activityId; }
        public String getDecision() { return decision; }
        public void setDecision(String decision) { this.decision = decision; }
        public Integer getTarget() { return target; }
        public void setTarget(Integer target) { this.target = target; }
        public List<UUID> getOwnerIds() { return ownerIds; }
        public void setOwnerIds(List<UUID> ownerIds) { this.ownerIds = ownerIds; }
    }

    Reviews.Held held() {
        List<Reviews.Decision> decisions = rows.stream().filter(r -> r.activityId != null)
                .map(r -> new Reviews.Decision(r.activityId, r.decision, "ADJUST".equals(r.decision) ? r.target : null, null,
                        "ADJUST".equals(r.decision) && r.ownerIds != null && !r.ownerIds.isEmpty() ? r.ownerIds : null))
                .toList();
        List<PlannedActivity.Input> add = added.filled() ? List.of(added.input()) : List.of();
        return new Reviews.Held(version, note, outcomeTarget, decisions, add);
    }

    public Integer getVersion() { return version; }
    public void setVersion(Integer version) { this.version = version; }
    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }
    public BigDecimal getOutcomeTarget() { return outcomeTarget; }
    public void setOutcomeTarget(BigDecimal outcomeTarget) { this.outcomeTarget = outcomeTarget; }
    public List<Row> getRows() { return rows; }
    public void setRows(List<Row> rows) { this.rows = rows; }
    public GoalForm.Row getAdded() { return added; }
    public void setAdded(GoalForm.Row added) { this.added = added; }
}
