package org.smartketing.comms.channels;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.smartketing.shared.NodeSignals;
import org.smartketing.team.PersonId;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live unread count, pushed to each open page as a server-sent event {@code unread}. A change
 * on any node is pushed once its transaction commits: the node announces whose count changed to
 * every node ({@link NodeSignals}), and each pushes to the pages it holds open. Every few seconds
 * each open stream is also re-read from the database, which keeps idle connections alive through
 * proxies and carries any change whose signal was missed.
 */
@Component
class UnreadCounts implements DisposableBean {

    static final Duration STREAM_TIMEOUT = Duration.ofMinutes(30);
    static final String SIGNAL = "inbox-unread";

    private final Inbox inbox;
    private final Map<UUID, List<Stream>> streams = new ConcurrentHashMap<>();
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "inbox-unread-refresh");
        thread.setDaemon(true);
        return thread;
    });

    private record Stream(SseEmitter emitter, long[] lastSent) {
    }

    private final NodeSignals signals;

    UnreadCounts(Inbox inbox, NodeSignals signals,
            @Value("${smartketing.inbox.refresh-every:10s}") Duration refresh) {
        this.inbox = inbox;
        this.signals = signals;
        signals.listen(SIGNAL, person -> {
            if (person == null) {
                refreshAll();
            }
            else {
                pushCount(new PersonId(UUID.fromString(person)));
            }
        });
        refresher.scheduleWithFixedDelay(this::refreshAll, refresh.toMillis(), refresh.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    SseEmitter open(PersonId person) {
        SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT.toMillis());
        Stream stream = new Stream(emitter, new long[] { -1 });
        streams.computeIfAbsent(person.value(), k -> new CopyOnWriteArrayList<>()).add(stream);
        Runnable remove = () -> streams.computeIfPresent(person.value(), (k, list) -> {
            list.remove(stream);
            return list.isEmpty() ? null : list;
        });
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        push(stream, inbox.unread(person), true);
        return emitter;
    }

    /** Pushes the person's count to their open pages, on whichever node, once the current transaction (if any) commits. */
    void changed(PersonId person) {
        signals.announce(SIGNAL, person.value().toString());
    }

    int openStreams() {
        return streams.values().stream().mapToInt(List::size).sum();
    }

    private void pushCount(PersonId person) {
        List<Stream> open = streams.get(person.value());
        if (open != null) {
            long count = inbox.unread(person);
            open.forEach(s -> push(s, count, false));
        }
    }

    private void refreshAll() {
        try {
            Set<UUID> people = Set.copyOf(streams.keySet());
            Map<UUID, Long> counts = new HashMap<>(inbox.unread(people));
            people.forEach(p -> streams.getOrDefault(p, List.of())
                    .forEach(s -> push(s, counts.getOrDefault(p, 0L), true)));
        }
        catch (RuntimeException ex) {
            // The next refresh tries again; a database hiccup must not stop the timer.
        }
    }

    private static void push(Stream stream, long count, boolean evenIfSame) {
        synchronized (stream) {
            if (!evenIfSame && stream.lastSent()[0] == count) {
                return;
            }
            try {
                stream.emitter().send(SseEmitter.event().name("unread").data(count));
                stream.lastSent()[0] = count;
            }
            catch (IOException | IllegalStateException ex) {
                stream.emitter().completeWithError(ex);
            }
        }
    }

    @Override
    public void destroy() {
        refresher.shutdownNow();
        streams.values().forEach(list -> list.forEach(s -> s.emitter().complete()));
        streams.clear();
    }
}
