package org.smartketing.webhooks.endpoints;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.smartketing.shared.InvalidFieldException;
import org.smartketing.shared.NotFoundException;
import org.smartketing.shared.Text;
import org.smartketing.shared.outbound.OutboundAddresses;
import org.smartketing.shared.outbound.OutboundSettings;
import org.smartketing.team.AuditLog;
import org.smartketing.webhooks.WebhookEventType;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers, changes, rotates and removes endpoints, checking what admins enter: an https URL
 * (http only to a host the outbound settings let reach, e.g. an internal receiver) that the
 * outbound checks let us call, at least one known event type, a plain description. Every change is
 * audited, never with a secret.
 */
@Service
@Transactional
public class EndpointEditing {

    public static final int URL_MAX = 2000;
    public static final int DESCRIPTION_MAX = 500;
    static final String MUST_BE_HTTPS = "must start with https://";

    /** What may change; a null leaves it as it is. */
    public record Change(String url, List<String> events, String description, Boolean enabled) {
    }

    /** A secret just made, shown this once. */
    public record Issued(Endpoint endpoint, String secret) {
    }

    private final Endpoints endpoints;
    private final OutboundAddresses addresses;
    private final OutboundSettings outbound;
    private final WebhookSettings settings;
    private final AuditLog audit;
    private final Clock clock;

    EndpointEditing(Endpoints endpoints, OutboundAddresses addresses, OutboundSettings outbound,
            WebhookSettings settings, AuditLog audit, Clock clock) {
        this.endpoints = endpoints;
        this.addresses = addresses;
        this.outbound = outbound;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    public Issued create(String url, List<String> events, String description) {
        Instant now = now();
        String secret = Signatures.newSecret();
        Endpoint endpoint = new Endpoint(UUID.randomUUID(), checkedUrl(url), checkedDescription(description),
                checkedEvents(events), secret, null, null, true, null, 0, null, now, now);
        endpoints.insert(endpoint);
        audit.record("webhook", endpoint.id(), "created", null, audited(endpoint));
        return new Issued(endpoint, secret);
    }

    public Endpoint change(UUID id, Change change) {
        Endpoint before = find(id);
        Endpoint after = new Endpoint(id, change.url() == null ? before.url() : checkedUrl(change.url()),
                change.description() == null ? before.description() : checkedDescription(change.description()),
                change.events() == null ? before.events() : checkedEvents(change.events()), before.secret(),
                before.previousSecret(), before.previousSecretUntil(),
                change.enabled() == null ? before.enabled() : change.enabled(), before.disabledReason(),
                before.failuresInARow(), before.failingSince(), before.createdAt(), now());
        endpoints.update(after, after.updatedAt());
        audit.record("webhook", id, "changed", audited(before), audited(after));
        return find(id);
    }

    /** A new secret; the one it replaces keeps signing beside it for the overlap, so receivers can switch. */
    public Issued rotate(UUID id) {
        Endpoint before = find(id);
        Instant now = now();
        String secret = Signatures.newSecret();
        Instant overlapEnds = now.plus(settings.rotationOverlap());
        endpoints.rotate(id, secret, before.secret(), overlapEnds, now);
        audit.record("webhook", id, "secret-rotated", null, Map.of("previousSecretValidUntil", overlapEnds.toString()));
        return new Issued(find(id), secret);
    }

    public void delete(UUID id) {
        Endpoint before = find(id);
        endpoints.delete(id);
        audit.record("webhook", id, "deleted", audited(before), null);
    }

    @Transactional(readOnly = true)
    public Endpoint find(UUID id) {
        return endpoints.byId(id).orElseThrow(() -> new NotFoundException("Webhook endpoint " + id));
    }

    @Transactional(readOnly = true)
    public List<Endpoint> all() {
        return endpoints.all();
    }

    private String checkedUrl(String url) {
        String value = Text.blankToNull(url);
        if (value == null) {
            throw new InvalidFieldException("url", "is required");
        }
        if (value.length() > URL_MAX) {
            throw new InvalidFieldException("url", "must be at most " + URL_MAX + " characters");
        }
        addresses.whyMalformed(value).ifPresent(why -> {
            throw new InvalidFieldException("url", why.startsWith("must start with") ? MUST_BE_HTTPS : why);
        });
        URI uri = URI.create(value);
        boolean https = uri.getScheme().toLowerCase(Locale.ROOT).equals("https");
        if (!https && !outbound.allows(uri.getHost())) {
            throw new InvalidFieldException("url", MUST_BE_HTTPS);
        }
        addresses.whyRefused(value).ifPresent(why -> {
            throw new InvalidFieldException("url", why);
        });
        return value;
    }

    private static List<WebhookEventType> checkedEvents(List<String> codes) {
        if (codes == null || codes.stream().allMatch(c -> c == null || c.isBlank())) {
            throw new InvalidFieldException("events", "must name at least one event type");
        }
        List<WebhookEventType> events = new ArrayList<>();
        for (String code : codes) {
            String stripped = code == null ? "" : code.strip();
            WebhookEventType type = WebhookEventType.byCode(stripped).orElseThrow(() -> new InvalidFieldException("events",
                    "has an unknown event type " + shortly(stripped) + "; known are " + knownTypes()));
            if (!events.contains(type)) {
                events.add(type);
            }
        }
        return events;
    }

    private static String checkedDescription(String description) {
        return Text.plain("description", description, DESCRIPTION_MAX);
    }

    public static String knownTypes() {
        return Stream.of(WebhookEventType.values()).map(WebhookEventType::code).collect(Collectors.joining(", "));
    }

    private static String shortly(String code) {
        String safe = code.codePoints().filter(c -> c >= 0x20 && c < 0x7F).collect(StringBuilder::new,
                StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return "\"" + (safe.length() > 40 ? safe.substring(0, 40) + "…" : safe) + "\"";
    }

    private static Map<String, Object> audited(Endpoint e) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("url", e.url());
        fields.put("events", e.events().stream().map(WebhookEventType::code).toList());
        fields.put("description", e.description());
        fields.put("enabled", e.enabled());
        return fields;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
