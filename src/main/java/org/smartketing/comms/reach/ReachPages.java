package org.smartketing.comms.reach;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.smartketing.comms.Channel;
import org.springframework.stereotype.Component;

/** Labels the reach pages share, as {@code ${@reachLabels.channel(c)}}: channels and response times as people read them. */
@Component("reachLabels")
public class ReachPages {

    /** Response times offered on the form, in minutes. */
    static final int[] RESPONSE_OPTIONS = { 15, 30, 60, 120, 240, 480, 1440, 2880, 10080 };

    public String channel(Channel channel) {
        return ChannelLists.label(channel);
    }

    /** A channel as the comms tables store it ({@code SMS}); a name that is no channel is shown as it is. */
    public String channel(String name) {
        return java.util.Arrays.stream(Channel.values()).filter(c -> c.name().equals(name)).findFirst()
                .map(ChannelLists::label).orElse(name);
    }

    public String inMinutes(Integer minutes) {
        return minutes == null ? "" : minutes(minutes.longValue());
    }

    public String duration(Duration duration) {
        return minutes(duration.toMinutes());
    }

    static String minutes(long minutes) {
        if (minutes % (24 * 60) == 0) {
            long days = minutes / (24 * 60);
            return days == 7 ? "1 week" : days + (days == 1 ? " day" : " days");
        }
        if (minutes % 60 == 0) {
            long hours = minutes / 60;
            return hours + (hours == 1 ? " hour" : " hours");
        }
        return minutes + " min";
    }

    static Map<Integer, String> responseOptions(Integer... current) {
        Map<Integer, String> options = new LinkedHashMap<>();
        for (int m : RESPONSE_OPTIONS) {
            options.put(m, minutes(m));
        }
        for (Integer m : current) {
            if (m != null && !options.containsKey(m)) {
                options.put(m, minutes(m));
            }
        }
        return options;
    }
}
