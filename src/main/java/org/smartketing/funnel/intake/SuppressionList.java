package org.smartketing.funnel.intake;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.smartketing.funnel.leads.Contact;
import org.smartketing.shared.InvalidFieldException;
import org.smartketing.shared.NotFoundException;
import org.smartketing.shared.Secrets;
import org.smartketing.shared.Sql;
import org.smartketing.shared.Text;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The people who asked to be erased, so that intake, imports and web forms do not silently take
 * them in again. Only digests are kept: HMAC-SHA256 of the email key ({@link Contact#keyOf}: NFKC,
 * trimmed, lower case) or of the phone in E.164, with a salt made once per installation; the list
 * tells whether someone coming in is on it, never who is.
 */
@Service
public class SuppressionList {

    /** What is on the list: an email or a phone number. */
    public enum Kind {
        EMAIL, PHONE
    }

    /** Why an entry is there: the person was erased, or an admin added them. */
    public enum Reason {
        ERASED, ADDED
    }

    /** What intake does with a person on the list. */
    public enum ReIntake {
        /** Refused with a reason naming the field (the API's 400, a line's error in an import, the form's message). */
        REFUSE,
        /** Taken in as an anonymous lead: counted, but with nothing that names or reaches them. */
        ANONYMISE
    }

    public record Entry(UUID id, Kind kind, String digest, Reason reason, Instant addedAt, UUID addedBy) {
    }

    private final JdbcClient jdbc;
    private final ContactRules rules;
    private final Clock clock;

    SuppressionList(JdbcClient jdbc, ContactRules rules, Clock clock) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.clock = clock;
    }

    /** The field of the contact whose value is on the list ({@code email}, {@code phone}, {@code mobile}), if any. */
    @Transactional(readOnly = true)
    public Optional<String> suppressedField(Contact contact) {
        Map<String, Map.Entry<Kind, String>> keys = keys(contact);
        if (keys.isEmpty() || count() == 0) {
            return Optional.empty();
        }
        String salt = existingSalt();
        if (salt == null) {
            return Optional.empty();
        }
        for (Map.Entry<String, Map.Entry<Kind, String>> key : keys.entrySet()) {
            if (holds(key.getValue().getKey(), digest(salt, key.getValue().getValue()))) {
                return Optional.of(key.getKey());
            }
        }
        return Optional.empty();
    }

    /** Refuses the contact, or answers whether to store it anonymised, when it is on the list; empty when it is not. */
    public Optional<ReIntake> check(Contact contact) {
        Optional<String> field = suppressedField(contact);
        if (field.isEmpty()) {
            return Optional.empty();
        }
        if (reIntake() == ReIntake.REFUSE) {
            throw new SuppressedPersonException(field.get());
        }
        return Optional.of(ReIntake.ANONYMISE);
    }

    /** Puts the contact's email and phones on the list (each once), in the caller's transaction. */
    @Transactional
    public List<Entry> add(Contact contact, Reason reason, UUID by) {
        String salt = salt();
        List<Entry> added = new ArrayList<>();
        for (Map.Entry<Kind, String> key : keys(contact).values()) {
            String digest = digest(salt, key.getValue());
            if (!holds(key.getKey(), digest)) {
                Entry entry = new Entry(UUID.randomUUID(), key.getKey(), digest, reason, clock.instant(), by);
                jdbc.sql("INSERT INTO suppression_entry (id, kind, digest, reason, added_at, added_by) VALUES (?, ?, ?, ?, ?, ?)")
                        .params(entry.id(), entry.kind().name(), entry.digest(), entry.reason().name(),
                                Sql.utc(entry.addedAt()), entry.addedBy())
                        .update();
                added.add(entry);
            }
        }
        return added;
    }

    /**
     * An admin puts a person on the list by their email and/or phone.
     *
     * @param country the phone's country when it is written without a country code (else the default region)
     */
    @Transactional
    public List<Entry> addByHand(String email, String phone, String country, UUID by) {
        String mail = Text.blankToNull(email);
        String tel = Text.blankToNull(phone);
        if (mail == null && tel == null) {
            throw new InvalidFieldException("email", "an email address or a phone number is needed");
        }
        if (mail != null && !new org.smartketing.shared.EmailAddress.Validator().isValid(mail, null)) {
            throw new InvalidFieldException("email", "is not an email address");
        }
        String e164 = null;
        if (tel != null) {
            e164 = rules.e164(tel, Countries.codeOf(country));
            if (e164 == null) {
                throw new InvalidFieldException("phone", "is not a phone number we can read (write it with its country code, e.g. +49 30 1234567)");
            }
        }
        return add(new Contact(mail, tel, e164, null, null, null, null, null, null, null, null, null, null), Reason.ADDED,
                by);
    }

    @Transactional(readOnly = true)
    public List<Entry> entries() {
        return jdbc.sql("SELECT * FROM suppression_entry ORDER BY added_at DESC, id").query((rs, n) -> new Entry(
                Sql.uuid(rs, "id"), Kind.valueOf(rs.getString("kind")), rs.getString("digest"),
                Reason.valueOf(rs.getString("reason")), Sql.instant(rs, "added_at"), Sql.uuid(rs, "added_by"))).list();
    }

    /** Takes an entry off the list: the person may come in again. */
    @Transactional
    public void remove(UUID id) {
        if (jdbc.sql("DELETE FROM suppression_entry WHERE id = ?").param(id).update() != 1) {
            throw new NotFoundException("Suppression list entry " + id);
        }
    }

    @Transactional(readOnly = true)
    public ReIntake reIntake() {
        return jdbc.sql("SELECT re_intake FROM suppression_settings WHERE id = 1").query(String.class).optional()
                .map(ReIntake::valueOf).orElse(ReIntake.REFUSE);
    }

    @Transactional
    public void reIntake(ReIntake choice) {
        settingsRow();
        jdbc.sql("UPDATE suppression_settings SET re_intake = ? WHERE id = 1").param(choice.name()).update();
    }

    private long count() {
        return jdbc.sql("SELECT COUNT(*) FROM suppression_entry").query(Long.class).single();
    }

    private boolean holds(Kind kind, String digest) {
        return jdbc.sql("SELECT COUNT(*) FROM suppression_entry WHERE kind = ? AND digest = ?")
                .params(kind.name(), digest).query(Long.class).single() > 0;
    }

    /** The email key and the phones in E.164 (without extension), by the contact's field. */
    private static Map<String, Map.Entry<Kind, String>> keys(Contact contact) {
        Map<String, Map.Entry<Kind, String>> keys = new LinkedHashMap<>();
        if (contact.email() != null && !contact.email().isBlank()) {
            keys.put("email", Map.entry(Kind.EMAIL, Contact.keyOf(contact.email())));
        }
        if (contact.phoneE164() != null) {
            keys.put("phone", Map.entry(Kind.PHONE, contact.phoneE164()));
        }
        if (contact.mobileE164() != null) {
            keys.putIfAbsent("mobile", Map.entry(Kind.PHONE, contact.mobileE164()));
        }
        return keys;
    }

    private String existingSalt() {
        return jdbc.sql("SELECT salt FROM suppression_settings WHERE id = 1").query(String.class).optional().orElse(null);
    }

    /** The installation's salt: made by the first node that needs it, the same for all after. */
    private String salt() {
        settingsRow();
        jdbc.sql("UPDATE suppression_settings SET salt = ? WHERE id = 1 AND salt IS NULL").param(Secrets.newSecret()).update();
        return existingSalt();
    }

    /** The settings' one row, which the migration puts there (and a test that empties every table takes away). */
    private void settingsRow() {
        jdbc.sql("INSERT INTO suppression_settings (id, salt, re_intake) VALUES (1, NULL, 'REFUSE') ON CONFLICT DO NOTHING")
                .update();
    }

    static String digest(String salt, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(salt.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("every JVM has HmacSHA256", ex);
        }
    }
}
