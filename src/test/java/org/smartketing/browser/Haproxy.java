package org.smartketing.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.awaitility.Awaitility.await;

/**
 * HAProxy (Debian's package) in front of the nodes, configured as docs/deploy.md says: round
 * robin, health checks on readiness, and a request that could not reach a node (refused or reset
 * before an answer) tried on another.
 */
final class Haproxy implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/sbin/haproxy");

    final int port;
    private final Process process;

    private Haproxy(int port, Process process) {
        this.port = port;
        this.process = process;
    }

    static Haproxy inFrontOf(ClusterNode... nodes) throws IOException {
        int port = ClusterNode.freePort();
        StringBuilder config = new StringBuilder("""
                global
                    maxconn 512
                defaults
                    mode http
                    timeout connect 2s
                    timeout client 60s
                    timeout server 60s
                    retries 3
                    option redispatch 1
                    retry-on conn-failure empty-response
                    option forwardfor
                frontend web
                    bind 127.0.0.1:%d
                    default_backend nodes
                backend nodes
                    balance roundrobin
                    option httpchk GET /actuator/health/readiness
                    http-check expect status 200
                    default-server inter 500ms fall 2 rise 2
                """.formatted(port));
        for (ClusterNode node : nodes) {
            config.append("    server ").append(node.name).append(" 127.0.0.1:").append(node.port).append(" check\n");
        }
        Path file = Files.createDirectories(Path.of("target", "test-logs")).resolve("haproxy.cfg");
        Files.writeString(file, config);
        Process process = new ProcessBuilder(BINARY.toString(), "-db", "-f", file.toString()).redirectErrorStream(true)
                .redirectOutput(Path.of("target", "test-logs", "haproxy.log").toFile()).start();
        await("haproxy started").atMost(Duration.ofSeconds(10)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("haproxy stopped; see target/test-logs/haproxy.log");
            }
            try (var socket = new java.net.Socket("127.0.0.1", port)) {
                return true;
            }
            catch (IOException ex) {
                return false;
            }
        });
        return new Haproxy(port, process);
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        process.destroy();
    }
}
