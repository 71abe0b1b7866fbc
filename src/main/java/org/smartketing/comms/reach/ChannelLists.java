package org.smartketing.comms.reach;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.smartketing.comms.Channel;

/** Channel lists as stored ({@code SMS,CHAT,EMAIL}) and as people name them. */
final class ChannelLists {

    private ChannelLists() {
    }

    static String format(List<Channel> channels) {
        return channels.stream().map(Channel::name).collect(Collectors.joining(","));
    }

    static List<Channel> parse(String stored) {
        if (stored == null || stored.isBlank()) {
            return List.of();
        }
        return Arrays.stream(stored.split(",")).map(String::strip).map(Channel::valueOf).toList();
    }

    /** The channel a person typed, or {@code null} when there is no such channel. */
    static Channel named(String name) {
        if (name == null) {
            return null;
        }
        String key = name.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        return Arrays.stream(Channel.values()).filter(c -> c.name().equals(key)).findFirst().orElse(null);
    }

    static String label(Channel channel) {
        return switch (channel) {
            case EMAIL -> "Email";
            case SMS -> "Text (SMS)";
            case VOICE -> "Phone call";
            case CHAT -> "Chat";
            case IN_APP -> "In the app";
        };
    }
}
