package org.smartketing.shared.nodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two nodes' signals on the suite's PostgreSQL (skipped on H2, where there is one node): what one
 * announces reaches the other when its transaction commits and never when it rolls back, and a
 * node whose listening connection is cut opens it again and says signals may have been missed.
 */
class NodeSignalsTests {

    private final String topic = "test-" + UUID.randomUUID();
    private DriverManagerDataSource dataSource;
    private PostgresNodeSignals first;
    private PostgresNodeSignals second;
    private final List<String> heardBySecond = new CopyOnWriteArrayList<>();
    private final List<String> heardByFirst = new CopyOnWriteArrayList<>();

    @BeforeEach
    void twoNodes() {
        String url = System.getenv("SPRING_DATASOURCE_URL");
        Assumptions.assumeTrue(url != null && url.startsWith("jdbc:postgresql:"), "signals between nodes need PostgreSQL");
        dataSource = new DriverManagerDataSource(url, System.getenv().getOrDefault("SPRING_DATASOURCE_USERNAME", "postgres"),
                System.getenv().getOrDefault("SPRING_DATASOURCE_PASSWORD", ""));
        first = node("first");
        second = node("second");
        first.listen(topic, heardByFirst::add);
        second.listen(topic, heardBySecond::add);
        first.start();
        second.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> first.isListening() && second.isListening());
    }

    @AfterEach
    void stop() {
        if (first != null) {
            first.stop();
            second.stop();
        }
    }

    @Test
    void aSignalReachesTheOtherNodeWhenItsTransactionCommits() {
        transactions().executeWithoutResult(status -> {
            first.announce(topic, "ana");
            assertThat(heardByFirst).as("nothing before commit").isEmpty();
        });

        await().atMost(Duration.ofSeconds(10)).until(() -> heardBySecond.contains("ana"));
        assertThat(heardByFirst).as("the announcing node hears its own signal once").containsExactly("ana");
    }

    @Test
    void aSignalOfARolledBackTransactionReachesNobody() {
        transactions().executeWithoutResult(status -> {
            first.announce(topic, "rolled back");
            status.setRollbackOnly();
        });
        first.announce(topic, "after");

        await().atMost(Duration.ofSeconds(10)).until(() -> heardBySecond.contains("after"));
        assertThat(heardBySecond).containsExactly("after");
        assertThat(heardByFirst).containsExactly("after");
    }

    @Test
    void aNodeWhoseListeningConnectionIsCutListensAgainAndSaysSignalsMayHaveBeenMissed() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.queryForList("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = ?",
                "signals-second");

        await().atMost(Duration.ofSeconds(20)).until(() -> heardBySecond.contains(null) && second.isListening());
        first.announce(topic, "again");
        await().atMost(Duration.ofSeconds(10)).until(() -> heardBySecond.contains("again"));
    }

    private PostgresNodeSignals node(String name) {
        Supplier<Connection> listening = () -> {
            try {
                String url = dataSource.getUrl() + (dataSource.getUrl().contains("?") ? "&" : "?")
                        + "ApplicationName=signals-" + name;
                return DriverManager.getConnection(url, dataSource.getUsername(), dataSource.getPassword());
            }
            catch (SQLException ex) {
                throw new IllegalStateException(ex);
            }
        };
        return new PostgresNodeSignals(new JdbcTemplate(dataSource), listening);
    }

    private TransactionTemplate transactions() {
        return new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }
}
