package be.leerid.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Every message LeerID shows exists in Dutch, French, English and German, and formats. */
class MessageBundlesTest {

    private static final List<String> LOCALES = List.of("nl", "fr", "en", "de");
    private static final Pattern MESSAGE_KEY = Pattern.compile("\"(leerid[A-Z][A-Za-z]+)\"");
    /** Strings that look like message keys but are not login messages: SAML friendly names, an admin API error. */
    private static final Set<String> NOT_LOGIN_MESSAGES = Set.of("leeridClass", "leeridGrade", "leeridSchools",
            "leeridInvalidMapperConfig", "leeridServiceHome", "leeridNonce");

    private static Properties bundle(String locale) throws IOException {
        Properties messages = new Properties();
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/theme/leerid/login/messages/messages_" + locale + ".properties")) {
            messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return messages;
    }

    @Test
    void theFourLanguagesHaveTheSameKeys() throws IOException {
        Set<String> dutch = new TreeSet<>(bundle("nl").stringPropertyNames());
        for (String locale : LOCALES) {
            assertEquals(dutch, new TreeSet<>(bundle(locale).stringPropertyNames()), "messages_" + locale);
        }
    }

    @Test
    void everyMessageFormatsWithoutStrayQuotes() throws IOException {
        for (String locale : LOCALES) {
            Properties messages = bundle(locale);
            for (String key : messages.stringPropertyNames()) {
                String formatted = MessageFormat.format(messages.getProperty(key), "KlasCement");
                assertFalse(formatted.isBlank(), locale + " " + key);
                // A single apostrophe would vanish in MessageFormat: French and English write it doubled.
                assertEquals(messages.getProperty(key).replace("''", "'").replace("{0}", "KlasCement"), formatted, locale + " " + key);
            }
        }
    }

    @Test
    void everyMessageKeyLeerIdsCodeUsesIsTranslated() throws IOException {
        Path extensions = Path.of(System.getProperty("user.dir")).resolve("../../extensions").normalize();
        Set<String> used = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(extensions)) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/main/")).toList()) {
                Matcher key = MESSAGE_KEY.matcher(Files.readString(source));
                while (key.find()) {
                    if (!NOT_LOGIN_MESSAGES.contains(key.group(1))) {
                        used.add(key.group(1));
                    }
                }
            }
        }
        assertTrue(used.size() >= 10, "found only " + used);
        for (String locale : LOCALES) {
            Properties messages = bundle(locale);
            for (String key : used) {
                assertTrue(messages.containsKey(key), key + " is missing in messages_" + locale);
            }
        }
    }

    /** The school console says in plain words what a service receives: a message for every claim of the vocabulary. */
    @Test
    void everyClaimHasItsPlainWords() throws IOException {
        Path claims = Path.of(System.getProperty("user.dir"))
                .resolve("../../extensions/identifiers/src/main/java/be/leerid/identifiers/Claim.java").normalize();
        Matcher claim = Pattern.compile("(?m)^    [A-Z_]+\\(\"([a-z_]+)\"").matcher(Files.readString(claims));
        Set<String> keys = new TreeSet<>(Set.of("leeridClaim_sub"));
        while (claim.find()) {
            keys.add("leeridClaim_" + claim.group(1));
        }
        assertTrue(keys.size() >= 10, "found only " + keys);
        for (String locale : LOCALES) {
            Properties messages = bundle(locale);
            for (String key : keys) {
                assertTrue(messages.containsKey(key), key + " is missing in messages_" + locale);
            }
        }
    }
}
