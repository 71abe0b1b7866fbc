package org.smartketing.shared.nodes;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Signals between nodes through PostgreSQL's {@code LISTEN/NOTIFY}: {@link #announce} runs
 * {@code pg_notify} in the current transaction (delivered when it commits, never when it rolls
 * back), and a thread of each node holds a connection of its own that listens. A node's own
 * signals are handled locally after commit and skipped when they come back. When the listening
 * connection breaks it is opened again, and every handler hears that signals may have been missed.
 */
final class PostgresNodeSignals extends LocalNodeSignals implements SmartLifecycle {

    static final String CHANNEL = "smartketing_signals";
    private static final Logger log = LoggerFactory.getLogger(PostgresNodeSignals.class);
    private static final Duration POLL = Duration.ofSeconds(5);
    private static final Duration FIRST_RETRY = Duration.ofMillis(250);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(10);

    private final String node = UUID.randomUUID().toString();
    private final JdbcTemplate jdbc;
    private final Supplier<Connection> listeningConnection;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean running;
    private volatile boolean listening;
    private Thread thread;

    PostgresNodeSignals(JdbcTemplate jdbc, Supplier<Connection> listeningConnection) {
        this.jdbc = jdbc;
        this.listeningConnection = listeningConnection;
    }

    @Override
    public void announce(String topic, String payload) {
        jdbc.queryForObject("SELECT pg_notify(?, ?)", Object.class, CHANNEL, node + "|" + topic + "|" + payload);
        super.announce(topic, payload);
    }

    /** Whether this node's listening connection is open (for health and tests). */
    boolean isListening() {
        return listening;
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::listenWhileRunning, "node-signals");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        stopped.countDown();
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listenWhileRunning() {
        Duration wait = FIRST_RETRY;
        boolean first = true;
        while (running) {
            try (Connection connection = listeningConnection.get()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                listening = true;
                if (!first) {
                    deliverMissed();
                }
                first = false;
                wait = FIRST_RETRY;
                receive(connection.unwrap(PGConnection.class));
            }
            catch (SQLException | RuntimeException ex) {
                if (running) {
                    log.warn("Listening for other nodes' signals failed; trying again in {}", wait, ex);
                }
            }
            listening = false;
            first = false;
            if (awaitStop(wait)) {
                return;
            }
            wait = wait.multipliedBy(2).compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait.multipliedBy(2);
        }
    }

    private void receive(PGConnection connection) throws SQLException {
        while (running) {
            PGNotification[] notifications = connection.getNotifications((int) POLL.toMillis());
            if (notifications == null) {
                continue;
            }
            for (PGNotification notification : notifications) {
                String[] parts = notification.getParameter().split("\\|", 3);
                if (parts.length == 3 && !parts[0].equals(node)) {
                    deliver(parts[1], parts[2]);
                }
            }
        }
    }

    private boolean awaitStop(Duration wait) {
        try {
            return stopped.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return true;
        }
    }
}
