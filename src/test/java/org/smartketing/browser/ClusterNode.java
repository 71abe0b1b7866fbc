package org.smartketing.browser;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One node of the application as production runs it: the packaged jar in a JVM of its own, so
 * the test can kill it with SIGKILL. Its output goes to target/test-logs/&lt;name&gt;.log.
 */
final class ClusterNode implements AutoCloseable {

    final String name;
    final int port;
    private final Process process;

    private ClusterNode(String name, int port, Process process) {
        this.name = name;
        this.port = port;
        this.process = process;
    }

    static ClusterNode start(String name, List<String> arguments, Map<String, String> environment) throws IOException {
        int port = freePort();
        Path logs = Files.createDirectories(Path.of("target", "test-logs"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-jar", packagedJar().toString(), "--server.port=" + port,
                "--logging.file.name=" + logs.resolve(name + ".json")));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(logs.resolve(name + ".log").toFile());
        builder.environment().putAll(environment);
        return new ClusterNode(name, port, builder.start());
    }

    /** Waits until the node answers that it is ready (migrated, jobs running). */
    ClusterNode awaitReady(HttpClient http) {
        await("node " + name + " ready").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("node " + name + " stopped; see target/test-logs/" + name + ".log");
                    }
                    try {
                        return http.send(HttpRequest.newBuilder(URI.create(url() + "/actuator/health/readiness")).build(),
                                HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                    }
                    catch (IOException ex) {
                        return false;
                    }
                });
        return this;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** SIGKILL: no shutdown hook, no graceful end of requests, no last heartbeat. */
    void kill() {
        process.destroyForcibly();
        await("node " + name + " gone").atMost(Duration.ofSeconds(30)).until(() -> !process.isAlive());
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                await().atMost(Duration.ofSeconds(30)).until(() -> !process.isAlive());
            }
            finally {
                process.destroyForcibly();
            }
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Path packagedJar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("smartketing-.*\\.jar"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no packaged jar in target/: run mvn verify"));
        }
    }
}
