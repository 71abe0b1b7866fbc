package org.smartketing.goals.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.smartketing.goals.plan.NewGoal;
import org.smartketing.goals.plan.Outcome;
import org.smartketing.goals.plan.Period;
import org.smartketing.goals.plan.PlannedActivity;
import org.springframework.format.annotation.DateTimeFormat;

/** The "set a goal" form: a few activity rows; rows left without a type are not part of the goal. */
public class GoalForm {

    static final int ROWS = 5;

    private UUID teamId;
    private String title;
    private String periodKind = "QUARTER";
    private String quarter;
    private String month;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate startsOn;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate endsOn;
    private String zone;
    private String measure = "NEW_CUSTOMERS";
    private BigDecimal target;
    private String currency;
    private String cadence = "WEEKLY";
    private UUID sponsorId;
    private List<Row> activities = new ArrayList<>();

    public GoalForm() {
        for (int i = 0; i < ROWS; i++) {
            activities.add(new Row());
        }
    }

    /** One activity row. */
    public static class Row {
        private String type;
        private Integer target;
        private String per = "WEEK";
        private List<UUID> ownerIds = new ArrayList<>();
        private Integer assumedActivities;
        private BigDecimal assumedOutcomes;

        public String getType() { return type; }
        public void setType(String type) { this.type = type; }
        public Integer getTarget() { return target; }
        public void setTarget(Integer target) { this.target = target; }
        public String getPer() { return per; }
        public void setPer(String per) { this.per = per; }
        public List<UUID> getOwnerIds() { return ownerIds; }
        public void setOwnerIds(List<UUID> ownerIds) { this.ownerIds = ownerIds; }
        public Integer getAssumedActivities() { return assumedActivities; }
        public void setAssumedActivities(Integer assumedActivities) { this.assumedActivities = assumedActivities; }
        public BigDecimal getAssumedOutcomes() { return assumedOutcomes; }
        public void setAssumedOutcomes(BigDecimal assumedOutcomes) { this.assumedOutcomes = assumedOutcomes; }

        boolean filled() {
            return type != null && !type.isBlank();
        }

        PlannedActivity.Input input() {
            return new PlannedActivity.Input(null, type, target, per, ownerIds,
                    assumedActivities == null && assumedOutcomes == null ? null
                            : new PlannedActivity.AssumptionInput(assumedActivities, assumedOutcomes), null);
        }
    }

    NewGoal goal() {
        Period.Input period = switch (periodKind == null ? "QUARTER" : periodKind) {
            case "MONTH" -> new Period.Input(null, month, null, null);
            case "DATES" -> new Period.Input(null, null, startsOn, endsOn);
            default -> new Period.Input(quarter, null, null, null);
        };
        return new NewGoal(teamId, title, period, zone, new Outcome.Input(measure, target, currency), cadence, sponsorId,
                activities.stream().filter(Row::filled).map(Row::input).toList());
    }

    public UUID getTeamId() { return teamId; }
    public void setTeamId(UUID teamId) { this.teamId = teamId; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getPeriodKind() { return periodKind; }
    public void setPeriodKind(String periodKind) { this.periodKind = periodKind; }
    public String getQuarter() { return quarter; }
    public void setQuarter(String quarter) { this.quarter = quarter; }
    public String getMonth() { return month; }
    public void setMonth(String month) { this.month = month; }
    public LocalDate getStartsOn() { return startsOn; }
    public void setStartsOn(LocalDate startsOn) { this.startsOn = startsOn; }
    public LocalDate getEndsOn() { return endsOn; }
    public void setEndsOn(LocalDate endsOn) { this.endsOn = endsOn; }
    public String getZone() { return zone; }
    public void setZone(String zone) { this.zone = zone; }
    public String getMeasure() { return measure; }
    public void setMeasure(String measure) { this.measure = measure; }
    public BigDecimal getTarget() { return target; }
    public void setTarget(BigDecimal target) { this.target = target; }
    public String getCurrency() { return currency; }
    public void setCurrency(String currency) { this.currency = currency; }
    public String getCadence() { return cadence; }
    public void setCadence(String cadence) { this.cadence = cadence; }
    public UUID getSponsorId() { return sponsorId; }
    public void setSponsorId(UUID sponsorId) { this.sponsorId = sponsorId; }
    public List<Row> getActivities() { return activities; }
    public void setActivities(List<Row> activities) { this.activities = activities; }
}
