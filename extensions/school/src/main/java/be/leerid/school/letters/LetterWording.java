package be.leerid.school.letters;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.function.Function;

/**
 * The letter's words in one language, from the LeerID theme's message bundles ({@code leeridLetter*}
 * keys), so letters speak Dutch, French, English or German like the pages do.
 */
public final class LetterWording {

    private final Locale locale;
    private final Function<String, String> messages;

    /** @param messages a message by key; a missing key is shown as the key, so gaps are visible, never blank */
    public LetterWording(Locale locale, Function<String, String> messages) {
        this.locale = locale;
        this.messages = messages;
    }

    String text(String key, Object... parameters) {
        String pattern = messages.apply(key);
        if (pattern == null) {
            return key;
        }
        // Always formatted, as Keycloak formats its messages: the bundles double their apostrophes.
        return new MessageFormat(pattern, locale).format(parameters);
    }

    Locale locale() {
        return locale;
    }
}
