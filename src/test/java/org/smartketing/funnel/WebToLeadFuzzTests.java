package org.smartketing.funnel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import org.smartketing.funnel.intake.WebForms;
import org.smartketing.support.IntegrationTest;
import org.smartketing.support.RawHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Whatever a website form posts to {@code /w2l} — any bytes, declared in any charset — is answered
 * with a page, never a server error. Regression inputs in src/test/resources (…/WebToLeadFuzzTestsInputs).
 */
@IntegrationTest
@TestPropertySource(properties = "smartketing.funnel.web-forms-per-minute=1000000")
class WebToLeadFuzzTests {

    static final List<String> CONTENT_TYPES = List.of("application/x-www-form-urlencoded",
            "application/x-www-form-urlencoded; charset=UTF-8", "application/x-www-form-urlencoded; charset=windows-1252",
            "application/x-www-form-urlencoded; charset=ISO-8859-1", "application/x-www-form-urlencoded; charset=UTF-16",
            "application/x-www-form-urlencoded; charset=x-unknown", "multipart/form-data; boundary=x", "text/plain");

    private static String formKey;

    @Autowired
    WebForms forms;

    @LocalServerPort
    int port;

    @FuzzTest(maxDuration = "20s")
    void anyFormPostIsAnsweredWithoutAServerError(FuzzedDataProvider data) throws Exception {
        RawHttp.allowOwnServer();
        String contentType = data.pickValue(CONTENT_TYPES);
        boolean registered = data.consumeBoolean();
        byte[] fields = data.consumeRemainingAsBytes();
        byte[] prefix = registered ? ("oid=" + key() + "&").getBytes(StandardCharsets.US_ASCII) : new byte[0];
        byte[] body = new byte[prefix.length + fields.length];
        System.arraycopy(prefix, 0, body, 0, prefix.length);
        System.arraycopy(fields, 0, body, prefix.length, fields.length);

        var answer = RawHttp.post(port, "/w2l", Map.of("Content-Type", contentType), body);

        assertThat(answer.statusCode()).as(answer.body()).isLessThan(500);
    }

    private synchronized String key() {
        if (formKey == null) {
            formKey = forms.create("Fuzzed", List.of("www.example.com"), "website", null, Instant.now()).key();
        }
        return formKey;
    }
}
