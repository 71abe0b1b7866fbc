package org.smartketing.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.smartketing.SmartketingApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Whole applications of a test's own, as separate nodes on one database: a named in-memory H2 that
 * they share, or the suite's PostgreSQL in a schema of the test's own (so the suite's other
 * applications, which poll the same database, cannot take its jobs). Stopping one and starting
 * another is a restart.
 */
public final class SeparateApplications {

    private SeparateApplications() {
    }

    /** A node on the database called {@code database} (an H2 name, or a PostgreSQL schema with '-' as '_'). */
    public static ConfigurableApplicationContext node(String database, String name, Duration polling,
            String... more) {
        String postgres = System.getenv("SPRING_DATASOURCE_URL");
        String schema = database.replace('-', '_');
        String url = postgres == null
                ? "jdbc:h2:mem:" + database + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"
                : postgres + (postgres.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        List<String> args = new ArrayList<>(List.of("--spring.datasource.url=" + url, "--server.port=0",
                "--smartketing.jobs.polling-interval=" + polling.toMillis() + "ms", "--spring.jmx.enabled=false",
                "--logging.file.name=./target/test-logs/" + database + "-" + name + ".json"));
        if (postgres != null) {
            args.add("--spring.flyway.schemas=" + schema);
        }
        args.addAll(List.of(more));
        return new SpringApplicationBuilder(SmartketingApplication.class).profiles("test").run(args.toArray(String[]::new));
    }
}
