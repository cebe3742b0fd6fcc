package be.leerid.school.forms.login.freemarker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.keycloak.models.RealmModel;
import org.keycloak.theme.Theme;

class ThemeBundlesTest {

    private final Map<String, Map<String, String>> realmTexts = new HashMap<>();
    private final AtomicInteger merges = new AtomicInteger();
    private final RealmModel realm = proxy(RealmModel.class, Map.of("getId", "realm-1"));
    private final ThemeBundles bundles = new ThemeBundles();

    @Test
    void aThemesMessagesAreMergedOncePerRealmAndLocale() throws Exception {
        Theme theme = theme();
        Properties first = bundles.messages(theme, realm, Locale.forLanguageTag("nl"));
        assertSame(first, bundles.messages(theme, realm, Locale.forLanguageTag("nl")));
        assertEquals(1, merges.get());
        assertEquals("nl", first.getProperty("locale"));
        assertEquals("fr", bundles.messages(theme, realm, Locale.FRENCH).getProperty("locale"));
        assertEquals(2, merges.get());
    }

    @Test
    void aChangeToTheRealmsOwnTextsIsSeenAtTheNextPage() throws Exception {
        Theme theme = theme();
        Properties before = bundles.messages(theme, realm, Locale.forLanguageTag("nl"));
        realmTexts.put("nl", new HashMap<>(Map.of("leeridBadgeLogin", "Scan je kaart")));
        Properties changed = bundles.messages(theme, realm, Locale.forLanguageTag("nl"));
        assertNotSame(before, changed);
        assertEquals("Scan je kaart", changed.getProperty("leeridBadgeLogin"));
        realmTexts.get("nl").put("leeridBadgeLogin", "Toon je badge");
        assertEquals("Toon je badge", bundles.messages(theme, realm, Locale.forLanguageTag("nl")).getProperty("leeridBadgeLogin"),
                "a text changed in place still counts as a change");
        assertEquals(3, merges.get());
    }

    @Test
    void anotherThemeInstanceGetsItsOwnEntry() throws Exception {
        // Keycloak with theme caching off (development) loads the theme anew for each page.
        bundles.messages(theme(), realm, Locale.ENGLISH);
        bundles.messages(theme(), realm, Locale.ENGLISH);
        assertEquals(2, merges.get());
    }

    @Test
    void theThemesResourcesAreParsedOncePerThemeInstance() throws Exception {
        Theme theme = theme();
        Properties properties = new Properties();
        properties.setProperty("styles", "css/login.css");
        assertSame(bundles.resources(theme, properties), bundles.resources(theme, properties));
        assertEquals(1, bundles.resources(theme, properties).getStyles().size());
    }

    /** A theme whose messages name their locale and carry the realm's texts for it, as Keycloak's merge does. */
    private Theme theme() {
        return (Theme) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Theme.class}, (proxy, method, args) -> {
            if (method.getName().equals("getEnhancedMessages")) {
                merges.incrementAndGet();
                Locale locale = (Locale) args[1];
                Properties messages = new Properties();
                messages.setProperty("locale", locale.toLanguageTag());
                messages.putAll(realmTexts.getOrDefault(locale.toLanguageTag(), Map.of()));
                return messages;
            }
            return defaultAnswer(proxy, method.getName(), args);
        });
    }

    private <T> T proxy(Class<T> type, Map<String, Object> answers) {
        return type.cast(Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getName().equals("getRealmLocalizationTexts")) {
                return realmTexts;
            }
            return answers.containsKey(method.getName()) ? answers.get(method.getName()) : defaultAnswer(proxy, method.getName(), args);
        }));
    }

    private static Object defaultAnswer(Object proxy, String method, Object[] args) {
        return switch (method) {
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == args[0];
            case "toString" -> "fake";
            default -> throw new UnsupportedOperationException(method + " " + List.of(args == null ? new Object[0] : args));
        };
    }
}
