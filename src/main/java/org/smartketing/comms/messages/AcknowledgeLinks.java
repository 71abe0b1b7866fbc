package org.smartketing.comms.messages;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.smartketing.shared.Secrets;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Signed acknowledgement links, one per plan step: {@code /ack/<step id>.<HMAC-SHA256 of it>}, both
 * base64url. Anyone holding the link may acknowledge for the recipient (it went to the person the
 * step reached), without signing in; the link names no person and no message. The key comes from
 * configuration, or is made once and kept in the database so every node checks the same way.
 */
@Component
class AcknowledgeLinks {

    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();

    private final JdbcClient jdbc;
    private final MessageSettings settings;
    private final Environment environment;
    private volatile byte[] key;

    AcknowledgeLinks(JdbcClient jdbc, MessageSettings settings, Environment environment) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.environment = environment;
    }

    /** Makes (or reads) the key before any transaction needs it: a clash on insert would spoil one. */
    @EventListener(ApplicationReadyEvent.class)
    void prepareKey() {
        key();
    }

    /** The secret part of the link for a step. */
    String tokenFor(UUID step) {
        byte[] id = bytes(step);
        return ENCODE.encodeToString(id) + "." + ENCODE.encodeToString(sign(id));
    }

    String urlFor(UUID step) {
        return absolute("/ack/" + tokenFor(step));
    }

    /** The step a well-signed token names; empty for anything else. */
    Optional<UUID> stepOf(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        try {
            byte[] id = Base64.getUrlDecoder().decode(token.substring(0, Math.max(dot, 0)));
            byte[] signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
            if (dot < 0 || id.length != 16 || !MessageDigest.isEqual(sign(id), signature)) {
                return Optional.empty();
            }
            ByteBuffer buffer = ByteBuffer.wrap(id);
            return Optional.of(new UUID(buffer.getLong(), buffer.getLong()));
        }
        catch (IllegalArgumentException ex) {
            return Optional.empty();
        }
    }

    /** An app path made absolute with {@code smartketing.base-url} (else this machine's port). */
    String absolute(String path) {
        String base = environment.getProperty("smartketing.base-url");
        if (base == null || base.isBlank()) {
            base = "http://localhost:" + environment.getProperty("local.server.port", "8080");
        }
        return base.replaceAll("/+$", "") + path;
    }

    private byte[] sign(byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return Arrays.copyOf(mac.doFinal(data), 16);
        }
        catch (NoSuchAlgorithmException | InvalidKeyException ex) {
            throw new IllegalStateException("every JVM has HmacSHA256", ex);
        }
    }

    private byte[] key() {
        byte[] k = key;
        if (k == null) {
            String configured = settings.linkKey();
            String stored = configured != null && !configured.isBlank() ? configured : stored();
            k = stored.getBytes(StandardCharsets.UTF_8);
            key = k;
        }
        return k;
    }

    private String stored() {
        Optional<String> existing = jdbc.sql("SELECT hmac FROM comms_link_key WHERE id = 1").query(String.class).optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        try {
            jdbc.sql("INSERT INTO comms_link_key (id, hmac) VALUES (1, ?)").param(Secrets.newSecret()).update();
        }
        catch (DuplicateKeyException ex) {
            // Another node made it at the same moment: use theirs.
        }
        return jdbc.sql("SELECT hmac FROM comms_link_key WHERE id = 1").query(String.class).single();
    }

    private static byte[] bytes(UUID id) {
        return ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits())
                .array();
    }
}
