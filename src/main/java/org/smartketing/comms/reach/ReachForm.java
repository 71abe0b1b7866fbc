package org.smartketing.comms.reach;

import java.util.ArrayList;
import java.util.List;

import org.smartketing.comms.Urgency;

/** The expectations form on the "how to reach me" page: flat fields for plain HTML. */
public class ReachForm {

    private List<String> urgentChannels = new ArrayList<>();
    private Integer urgentMinutes;
    private List<String> normalChannels = new ArrayList<>();
    private Integer normalMinutes;
    private List<String> fyiChannels = new ArrayList<>();
    private Integer fyiMinutes;
    private String quietFrom;
    private String quietUntil;

    static ReachForm of(Reach reach) {
        ReachForm form = new ReachForm();
        form.urgentChannels = names(reach, Urgency.URGENT);
        form.urgentMinutes = minutes(reach, Urgency.URGENT);
        form.normalChannels = names(reach, Urgency.NORMAL);
        form.normalMinutes = minutes(reach, Urgency.NORMAL);
        form.fyiChannels = names(reach, Urgency.FYI);
        form.fyiMinutes = minutes(reach, Urgency.FYI);
        if (reach.quietHours() != null) {
            form.quietFrom = reach.quietHours().from().toString();
            form.quietUntil = reach.quietHours().until().toString();
        }
        return form;
    }

    ExpectationsInput input() {
        return new ExpectationsInput(new ExpectationsInput.UrgencyInput(urgentChannels, urgentMinutes),
                new ExpectationsInput.UrgencyInput(normalChannels, normalMinutes),
                new ExpectationsInput.UrgencyInput(fyiChannels, fyiMinutes),
                new ExpectationsInput.QuietHoursInput(quietFrom, quietUntil));
    }

    /** The channel chosen in the n-th place (0-based) for that urgency, or "" for none. */
    public String channelAt(String urgency, int index) {
        List<String> list = switch (urgency) {
            case "urgent" -> urgentChannels;
            case "normal" -> normalChannels;
            default -> fyiChannels;
        };
        return list != null && index < list.size() && list.get(index) != null ? list.get(index) : "";
    }

    private static List<String> names(Reach reach, Urgency urgency) {
        return new ArrayList<>(reach.expectation(urgency).channels().stream().map(Enum::name).toList());
    }

    private static Integer minutes(Reach reach, Urgency urgency) {
        return (int) reach.expectation(urgency).responseTime().toMinutes();
    }

    public List<String> getUrgentChannels() {
        return urgentChannels;
    }

    public void setUrgentChannels(List<String> urgentChannels) {
        this.urgentChannels = urgentChannels;
    }

    public Integer getUrgentMinutes() {
        return urgentMinutes;
    }

    public void setUrgentMinutes(Integer urgentMinutes) {
        this.urgentMinutes = urgentMinutes;
    }

    public List<String> getNormalChannels() {
        return normalChannels;
    }

    public void setNormalChannels(List<String> normalChannels) {
        this.normalChannels = normalChannels;
    }

    public Integer getNormalMinutes() {
        return normalMinutes;
    }

    public void setNormalMinutes(Integer normalMinutes) {
        this.normalMinutes = normalMinutes;
    }

    public List<String> getFyiChannels() {
        return fyiChannels;
    }

    public void setFyiChannels(List<String> fyiChannels) {
        this.fyiChannels = fyiChannels;
    }

    public Integer getFyiMinutes() {
        return fyiMinutes;
    }

    public void setFyiMinutes(Integer fyiMinutes) {
        this.fyiMinutes = fyiMinutes;
    }

    public String getQuietFrom() {
        return quietFrom;
    }

    public void setQuietFrom(String quietFrom) {
        this.quietFrom = quietFrom;
    }

    public String getQuietUntil() {
        return quietUntil;
    }

    public void setQuietUntil(String quietUntil) {
        this.quietUntil = quietUntil;
    }
}
