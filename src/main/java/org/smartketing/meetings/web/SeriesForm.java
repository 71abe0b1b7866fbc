package org.smartketing.meetings.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.smartketing.meetings.planning.MeetingPlanning;
import org.smartketing.meetings.planning.Recurrence;
import org.smartketing.meetings.planning.Series;
import org.smartketing.shared.InvalidFieldException;
import org.smartketing.shared.TimeZones;
import org.springframework.format.annotation.DateTimeFormat;

/** The series form: a repeat pattern for people, or an RRULE typed by those who know one. */
public class SeriesForm {

    private String title;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
    private LocalDateTime start;
    private String zone;
    private Integer durationMinutes = 45;
    private Recurrence.Pattern pattern = Recurrence.Pattern.WEEKLY;
    private Integer interval = 1;
    private Integer count = 10;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate until;
    private String rrule;
    private UUID sponsorId;
    private List<UUID> attendeeIds = new ArrayList<>();
    private List<UUID> teamIds = new ArrayList<>();
    private String topic;
    private String endGoal;
    private UUID from;

    static SeriesForm of(Series s) {
        SeriesForm f = new SeriesForm();
        f.title = s.title();
        f.start = s.firstStart();
        f.zone = s.zone().getId();
        f.durationMinutes = s.durationMinutes();
        f.pattern = Recurrence.Pattern.NONE;
        f.rrule = s.rrule();
        f.sponsorId = s.sponsorId().value();
        f.attendeeIds = new ArrayList<>(s.attendees().stream().map(p -> p.value()).toList());
        f.teamIds = new ArrayList<>();
        f.topic = s.topic();
        f.endGoal = s.endGoal();
        return f;
    }

    MeetingPlanning.SeriesPlan plan() {
        String rule = rrule;
        if ((rule == null || rule.isBlank()) && pattern != null && pattern != Recurrence.Pattern.NONE) {
            if (start == null || zone == null) {
                throw new InvalidFieldException("start", "is required");
            }
            int every = interval == null ? 1 : interval;
            if (every < 1 || every > 12) {
                throw new InvalidFieldException("interval", "must be from 1 to 12");
            }
            if (count == null && until == null) {
                throw new InvalidFieldException("count", "say after how many meetings, or on which date, it ends");
            }
            ZoneId z = TimeZones.of("zone", zone);
            rule = Recurrence.of(pattern, every, start, z, until == null ? count : null, until);
        }
        return new MeetingPlanning.SeriesPlan(title, start, zone, durationMinutes, rule, sponsorId, attendeeIds, teamIds,
                topic, endGoal);
    }

    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public LocalDateTime getStart() { return start; }
    public void setStart(LocalDateTime start) { this.start = start; }
    public String getZone() { return zone; }
    public void setZone(String zone) { this.zone = zone; }
    public Integer getDurationMinutes() { return durationMinutes; }
    public void setDurationMinutes(Integer durationMinutes) { this.durationMinutes = durationMinutes; }
    public Recurrence.Pattern getPattern() { return pattern; }
    public void setPattern(Recurrence.Pattern pattern) { this.pattern = pattern; }
    public Integer getInterval() { return interval; }
    public void setInterval(Integer interval) { this.interval = interval; }
    public Integer getCount() { return count; }
    public void setCount(Integer count) { this.count = count; }
    public LocalDate getUntil() { return until; }
    public void setUntil(LocalDate until) { this.until = until; }
    public String getRrule() { return rrule; }
    public void setRrule(String rrule) { this.rrule = rrule; }
    public UUID getSponsorId() { return sponsorId; }
    public void setSponsorId(UUID sponsorId) { this.sponsorId = sponsorId; }
    public List<UUID> getAttendeeIds() { return attendeeIds; }
    public void setAttendeeIds(List<UUID> attendeeIds) { this.attendeeIds = attendeeIds; }
    public List<UUID> getTeamIds() { return teamIds; }
    public void setTeamIds(List<UUID> teamIds) { this.teamIds = teamIds; }
    public String getTopic() { return topic; }
    public void setTopic(String topic) { this.topic = topic; }
    public String getEndGoal() { return endGoal; }
    public void setEndGoal(String endGoal) { this.endGoal = endGoal; }
    public UUID getFrom() { return from; }
    public void setFrom(UUID from) { this.from = from; }
}
