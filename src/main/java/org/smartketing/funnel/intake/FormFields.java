package org.smartketing.funnel.intake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;

import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * A website form's fields as the page sent them. A form on a windows-1252 or Latin-1 page posts
 * its text in that charset, usually without saying so in the request: the charset is taken from
 * the request's content type, else the form's own {@code encoding} (or {@code _charset_}) field,
 * else UTF-8 when the bytes are UTF-8, else windows-1252 (what browsers send for "ISO-8859-1").
 */
final class FormFields {

    static final int MAX_BYTES = 1 << 20;
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private FormFields() {
    }

    /** @throws IllegalArgumentException when the body is larger than {@link #MAX_BYTES} */
    static MultiValueMap<String, String> of(HttpServletRequest request) throws IOException, ServletException {
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        if (type.startsWith(MediaType.MULTIPART_FORM_DATA_VALUE)) {
            return decode(multipart(request), declared(type));
        }
        if (!type.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)) {
            return fromParameters(request);
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BYTES + 1);
        if (body.length > MAX_BYTES) {
            throw new IllegalArgumentException("The form sent more than 1 MB.");
        }
        if (body.length == 0) {
            return fromParameters(request);
        }
        return decode(urlEncoded(body), declared(type));
    }

    private static MultiValueMap<String, String> decode(List<byte[][]> pairs, Charset declared) {
        Charset charset = declared != null ? declared : chosen(pairs);
        MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
        pairs.forEach(p -> fields.add(new String(p[0], charset), new String(p[1], charset)));
        return fields;
    }

    private static List<byte[][]> urlEncoded(byte[] body) {
        List<byte[][]> pairs = new ArrayList<>();
        for (String pair : new String(body, StandardCharsets.ISO_8859_1).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            pairs.add(new byte[][] { unescape(eq < 0 ? pair : pair.substring(0, eq)),
                    unescape(eq < 0 ? "" : pair.substring(eq + 1)) });
        }
        return pairs;
    }

    /** The text parts as their bytes; files are no lead's field and are left out. */
    private static List<byte[][]> multipart(HttpServletRequest request) throws IOException, ServletException {
        List<byte[][]> pairs = new ArrayList<>();
        long total = 0;
        for (Part part : request.getParts()) {
            if (part.getSubmittedFileName() != null) {
                continue;
            }
            byte[] value = part.getInputStream().readNBytes(MAX_BYTES + 1);
            total += value.length;
            if (total > MAX_BYTES) {
                throw new IllegalArgumentException("The form sent more than 1 MB.");
            }
            pairs.add(new byte[][] { part.getName().getBytes(StandardCharsets.ISO_8859_1), value });
        }
        return pairs;
    }

    /** The charset the request's content type names; null when it names none. */
    private static Charset declared(String contentType) {
        int at = contentType.indexOf("charset=");
        if (at < 0) {
            return null;
        }
        String name = contentType.substring(at + "charset=".length()).split("[;\\s]")[0].replace("\"", "");
        return charset(name);
    }

    private static Charset chosen(List<byte[][]> pairs) {
        for (byte[][] pair : pairs) {
            String name = new String(pair[0], StandardCharsets.ISO_8859_1);
            if (name.equals("encoding") || name.equals("_charset_")) {
                Charset named = charset(new String(pair[1], StandardCharsets.ISO_8859_1).strip());
                if (named != null) {
                    return named;
                }
            }
        }
        return pairs.stream().allMatch(p -> utf8(p[0]) && utf8(p[1])) ? StandardCharsets.UTF_8 : WINDOWS_1252;
    }

    private static Charset charset(String name) {
        try {
            Charset charset = Charset.forName(name);
            return charset.equals(StandardCharsets.ISO_8859_1) ? WINDOWS_1252 : charset;
        }
        catch (IllegalCharsetNameException | UnsupportedCharsetException ex) {
            return null;
        }
    }

    private static boolean utf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        }
        catch (CharacterCodingException ex) {
            return false;
        }
    }

    /** Percent-decoding to bytes ({@code +} is a space); a broken escape is kept as it stands. */
    private static byte[] unescape(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '+') {
                out.write(' ');
            }
            else if (c == '%' && i + 2 < text.length() && hex(text.charAt(i + 1)) >= 0 && hex(text.charAt(i + 2)) >= 0) {
                out.write(hex(text.charAt(i + 1)) * 16 + hex(text.charAt(i + 2)));
                i += 2;
            }
            else {
                out.write(c);
            }
        }
        return out.toByteArray();
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }

    private static MultiValueMap<String, String> fromParameters(HttpServletRequest request) {
        MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
        request.getParameterMap().forEach((name, values) -> fields.addAll(name, List.of(values)));
        return fields;
    }
}
