package org.smartketing.comms.reach;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;

import org.smartketing.comms.Channel;
import org.smartketing.comms.channels.ChannelDelivery;
import org.smartketing.comms.channels.ChannelSender;
import org.smartketing.comms.channels.DeliveryFailedException;
import org.smartketing.shared.InvalidFieldException;
import org.smartketing.shared.Secrets;
import org.smartketing.shared.Text;
import org.smartketing.shared.outbound.OutboundAddresses;
import org.smartketing.team.AuditLog;
import org.smartketing.team.PersonId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A mobile phone or chat webhook is used only once its owner proved it reaches them: a six-digit
 * code goes out through it (a text message, a chat post) and must be typed back within ten minutes,
 * with five tries. A new code replaces the old one.
 */
@Service
@Transactional
public class ContactVerification {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ContactVerification.class);

    static final Duration CODE_LIFETIME = Duration.ofMinutes(10);
    static final int ATTEMPTS = 5;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ContactMethods methods;
    private final Map<Channel, ChannelSender> senders;
    private final OutboundAddresses outbound;
    private final AuditLog audit;
    private final Clock clock;
    private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();

    ContactVerification(ContactMethods methods, List<ChannelSender> senders, OutboundAddresses outbound,
            AuditLog audit, Clock clock) {
        this.methods = methods;
        this.senders = senders.stream().collect(Collectors.toMap(ChannelSender::channel, Function.identity()));
        this.outbound = outbound;
        this.audit = audit;
        this.clock = clock;
    }

    /** Stores the number (E.164) unverified and texts it a code. */
    public void addPhone(PersonId person, String number) {
        add(person, ContactMethods.Kind.PHONE, e164(number));
    }

    /** Stores the webhook URL unverified and posts a code to it. */
    public void addChat(PersonId person, String webhookUrl) {
        String url = Text.blankToNull(webhookUrl);
        if (url == null) {
            throw new InvalidFieldException("webhookUrl", "is required");
        }
        if (url.length() > 500) {
            throw new InvalidFieldException("webhookUrl", "must be at most 500 characters");
        }
        outbound.whyRefused(url).ifPresent(why -> {
            throw new InvalidFieldException("webhookUrl", why);
        });
        add(person, ContactMethods.Kind.CHAT, url);
    }

    /** Sends a fresh code to the person's unverified method of that kind. */
    public void resend(PersonId person, ContactMethods.Kind kind) {
        ContactMethods.ContactMethod method = pending(person, kind);
        ContactMethods.ContactMethod withCode = sendCode(method);
        methods.newCode(method.id(), withCode.codeHash(), withCode.codeExpiresAt(), withCode.attemptsLeft());
    }

    /** A wrong, expired or exhausted code is refused and (wrong) costs a try, which is kept. */
    @Transactional(noRollbackFor = InvalidFieldException.class)
    public void verify(PersonId person, ContactMethods.Kind kind, String code) {
        ContactMethods.ContactMethod method = pending(person, kind);
        String typed = code == null ? "" : code.replaceAll("\\s", "");
        if (typed.isEmpty()) {
            throw new InvalidFieldException("code", "is required");
        }
        if (method.codeHash() == null || method.attemptsLeft() <= 0) {
            throw new InvalidFieldException("code", "was tried too often; send a new code");
        }
        if (!clock.instant().isBefore(method.codeExpiresAt())) {
            throw new InvalidFieldException("code", "has expired; send a new code");
        }
        if (!Secrets.hash(method.id() + ":" + typed).equals(method.codeHash())) {
            methods.attemptFailed(method.id());
            int left = method.attemptsLeft() - 1;
            throw new InvalidFieldException("code", left == 0 ? "is not the code we sent; send a new code"
                    : "is not the code we sent (" + left + (left == 1 ? " try" : " tries") + " left)");
        }
        Instant now = clock.instant();
        methods.verified(method.id(), now);
        audit.record("person", person, "contact-method-verified", null,
                Map.of("kind", kind.name(), "address", method.address()));
    }

    public boolean remove(PersonId person, ContactMethods.Kind kind) {
        ContactMethods.ContactMethod method = methods.of(person, kind).orElse(null);
        if (method == null) {
            return false;
        }
        methods.remove(person, kind);
        audit.record("person", person, "contact-method-removed",
                Map.of("kind", kind.name(), "address", method.address(), "verified", method.verified()), null);
        return true;
    }

    public List<ContactMethods.ContactMethod> of(PersonId person) {
        return methods.of(person);
    }

    public static ContactMethods.Kind kind(String name) {
        try {
            return ContactMethods.Kind.valueOf(name.toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException | NullPointerException ex) {
            throw new InvalidFieldException("kind", "must be phone or chat");
        }
    }

    private void add(PersonId person, ContactMethods.Kind kind, String address) {
        ContactMethods.ContactMethod method = sendCode(new ContactMethods.ContactMethod(UUID.randomUUID(), person,
                kind, address, null, null, 0, null, clock.instant()));
        methods.replace(method);
        audit.record("person", person, "contact-method-added", null, Map.of("kind", kind.name(), "address", address));
    }

    private ContactMethods.ContactMethod pending(PersonId person, ContactMethods.Kind kind) {
        ContactMethods.ContactMethod method = methods.of(person, kind).orElseThrow(() -> new InvalidFieldException(
                "kind", "no " + kind.name().toLowerCase(Locale.ROOT) + " to verify; add one first"));
        if (method.verified()) {
            throw new InvalidFieldException("kind", "the " + kind.name().toLowerCase(Locale.ROOT) + " is verified already");
        }
        return method;
    }

    /** Sends a new code through the method itself; a channel that fails names the reason on the field. */
    private ContactMethods.ContactMethod sendCode(ContactMethods.ContactMethod method) {
        String code = String.format("%06d", RANDOM.nextInt(1_000_000));
        Channel channel = method.kind() == ContactMethods.Kind.PHONE ? Channel.SMS : Channel.CHAT;
        String field = method.kind() == ContactMethods.Kind.PHONE ? "phone" : "webhookUrl";
        try {
            senders.get(channel).send(new ChannelDelivery(UUID.randomUUID(), method.person(), method.address(),
                    "Smartketing verification code", "Your Smartketing verification code is " + code
                            + ". It expires in " + CODE_LIFETIME.toMinutes() + " minutes.", null));
        }
        catch (DeliveryFailedException ex) {
            // The person reads the general reason; the address or remote status is for the log.
            log.info("Verification code for contact method {} not sent: {} ({})", method.id(), ex.getMessage(),
                    ex.detail());
            throw new InvalidFieldException(field, "could not be sent a code: " + ex.getMessage());
        }
        return method.withCode(Secrets.hash(method.id() + ":" + code), clock.instant().plus(CODE_LIFETIME), ATTEMPTS);
    }

    private String e164(String raw) {
        String number = Text.blankToNull(raw);
        if (number == null) {
            throw new InvalidFieldException("phone", "is required");
        }
        if (!number.startsWith("+")) {
            throw new InvalidFieldException("phone", "must be in international format, e.g. +49 151 23456789");
        }
        try {
            Phonenumber.PhoneNumber parsed = phones.parse(number, null);
            if (!phones.isValidNumber(parsed)) {
                throw new InvalidFieldException("phone", "is not a valid phone number");
            }
            return phones.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164);
        }
        catch (NumberParseException ex) {
            throw new InvalidFieldException("phone", "is not a valid phone number");
        }
    }
}
