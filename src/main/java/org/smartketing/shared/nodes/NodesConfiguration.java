package org.smartketing.shared.nodes;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Supplier;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import com.zaxxer.hikari.HikariDataSource;

import org.smartketing.shared.NodeSignals;
import org.smartketing.shared.RateLimits;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * What several nodes on one PostgreSQL share besides the data: rate limits and signals. On the
 * embedded H2 database (one node) both stay in memory.
 */
@Configuration(proxyBeanMethods = false)
class NodesConfiguration {

    static final String RATE_BUCKETS_CLEAN_UP_TASK = "rate-buckets-clean-up";

    @Bean
    RateLimits rateLimits(DataSource dataSource) {
        return onPostgres(dataSource) ? new DatabaseRateLimits(dataSource) : new MemoryRateLimits();
    }

    @Bean
    NodeSignals nodeSignals(DataSource dataSource) {
        return onPostgres(dataSource)
                ? new PostgresNodeSignals(new JdbcTemplate(dataSource), listeningConnection(dataSource))
                : new LocalNodeSignals();
    }

    /** Deletes the buckets that are full again, a thousand at a time, on one node. */
    @Bean
    RecurringTask<Void> rateBucketsCleanUpTask(RateLimits limits) {
        return Tasks.recurring(RATE_BUCKETS_CLEAN_UP_TASK, FixedDelay.of(Duration.ofMinutes(10)))
                .execute((instance, context) -> {
                    if (limits instanceof DatabaseRateLimits database) {
                        while (database.removeExpired(1000) == 1000) {
                            // more to go
                        }
                    }
                });
    }

    /** A connection outside the pool: listening holds it for as long as the node runs. */
    private static Supplier<Connection> listeningConnection(DataSource dataSource) {
        return () -> {
            try {
                if (dataSource instanceof HikariDataSource hikari) {
                    return DriverManager.getConnection(hikari.getJdbcUrl(), hikari.getUsername(), hikari.getPassword());
                }
                return dataSource.getConnection();
            }
            catch (SQLException ex) {
                throw new IllegalStateException("cannot open a connection to listen for other nodes' signals", ex);
            }
        };
    }

    static boolean onPostgres(DataSource dataSource) {
        try {
            String product = JdbcUtils.extractDatabaseMetaData(dataSource, md -> md.getDatabaseProductName());
            return "PostgreSQL".equalsIgnoreCase(product);
        }
        catch (MetaDataAccessException ex) {
            throw new IllegalStateException("cannot tell which database this is", ex);
        }
    }
}
