package org.smartketing.web;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smartketing.support.Fixtures;
import org.smartketing.support.IntegrationTest;
import org.smartketing.team.AppRole;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

/** What a browser or a crawler asks of any site, over a real connection (compression is the server's). */
@IntegrationTest
class SiteFilesTests {

    @Value("${local.server.port}")
    int port;

    @Autowired
    Fixtures fixtures;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void setUpAlready() {
        fixtures.aPerson(AppRole.ADMIN);  // else /login sends a first visitor to /setup
    }

    @Test
    void servesRobotsTxtWithoutSigningInAndAsksCrawlersToStayOut() throws Exception {
        HttpResponse<String> robots = http.send(request("/robots.txt").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(robots.statusCode()).isEqualTo(200);
        assertThat(robots.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        assertThat(robots.body()).isEqualTo("User-agent: *\nDisallow: /\n");
    }

    @Test
    void servesARealIconAtFaviconIcoWithoutSigningIn() throws Exception {
        HttpResponse<byte[]> icon = http.send(request("/favicon.ico").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(icon.statusCode()).isEqualTo(200);
        assertThat(icon.headers().firstValue("Content-Type")).hasValue("image/x-icon");
        byte[] ico = icon.body();
        assertThat(new byte[] { ico[0], ico[1], ico[2], ico[3] }).as("ICO header: reserved 0, type 1").containsExactly(0, 0, 1, 0);
        assertThat(new String(ico, 22, 4, StandardCharsets.ISO_8859_1)).as("the PNG inside").isEqualTo("\u0089PNG");
    }

    @Test
    void compressesPagesForClientsThatAcceptGzip() throws Exception {
        HttpResponse<byte[]> page = http.send(request("/login").header("Accept-Encoding", "gzip").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Encoding")).hasValue("gzip");
        String html = new String(new GZIPInputStream(new ByteArrayInputStream(page.body())).readAllBytes(), StandardCharsets.UTF_8);
        assertThat(html).contains("<html", "favicon.svg");
    }

    @Test
    void namesTheViewersZoneAsPeopleDoInTheFooter() throws Exception {
        String html = http.send(request("/login").build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(html).contains("Times in <span>UTC</span>.").doesNotContain("Times in <span>Z</span>");
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    }
}
