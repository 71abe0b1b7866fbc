package org.smartketing.imports.running;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param directory  where this node keeps the uploaded files it reads (a cache: the files themselves are
 *                   kept in the database, so any node can run an import)
 * @param chunk      rows per transaction: what a crash can cost, and what one commit carries
 * @param retryAfter how soon a job that failed (a node lost, a database away) goes on from its last chunk
 */
@ConfigurationProperties("smartketing.imports")
record ImportSettings(@DefaultValue("./data/imports") Path directory, @DefaultValue("2000") int chunk,
        @DefaultValue("10s") Duration retryAfter) {
}
