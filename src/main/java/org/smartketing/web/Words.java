package org.smartketing.web;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Codes as people say them: templates call {@code ${@words.of('channel', step.channel())}} and get
 * "Text message" for {@code SMS}. The words live in messages.properties under
 * {@code word.<kind>.<CODE>}; a code without words there is shown with its underscores as spaces in
 * sentence case, so a new code never shows as {@code SHOUTING_CASE}.
 */
@Component("words")
public class Words {

    private final MessageSource messages;

    Words(MessageSource messages) {
        this.messages = messages;
    }

    public String of(String kind, Object code) {
        if (code == null) {
            return "";
        }
        String name = code instanceof Enum<?> e ? e.name() : code.toString();
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage("word." + kind + "." + name, null, sentence(name), locale);
    }

    /** A code as a sentence-case word, the fallback when no word is written for it: IN_APP → "In app". */
    public static String sentence(String code) {
        String spaced = code.replace('_', ' ').toLowerCase(Locale.ROOT).strip();
        return spaced.isEmpty() ? code : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
}
