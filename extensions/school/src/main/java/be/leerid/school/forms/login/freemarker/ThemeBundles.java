package be.leerid.school.forms.login.freemarker;

import java.io.IOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

import org.keycloak.models.RealmModel;
import org.keycloak.theme.Theme;
import org.keycloak.theme.ThemeResources;
import org.keycloak.theme.ThemeResourcesParser;

/**
 * A login theme's messages for a realm and locale, and its parsed resources, kept between pages. Keycloak builds
 * both for every page it renders: it merges the theme chain's bundles of the locale and its parents with the realm's
 * own texts, and parses the theme's properties (JFR: about a tenth of the server's CPU in a badge login, which
 * renders two pages). What they are built from is fixed per theme instance (Keycloak caches themes in production;
 * with caching off every page gets a new theme and so a fresh entry, dropped with the theme), except the realm's
 * texts, which an administrator can change at any time: an entry holds the texts it was built with and is rebuilt
 * when they differ.
 */
final class ThemeBundles {

    /** Per theme instance (weak: themes Keycloak drops take their entries along), per realm and locale. */
    private final Map<Theme, Map<String, Bundle>> byTheme = new WeakHashMap<>();
    private final Map<Theme, ThemeResources> resourcesOf = Collections.synchronizedMap(new WeakHashMap<>());

    /** Merged messages (only ever read by the pages) and the realm's texts they were merged with. */
    private record Bundle(Properties messages, Map<String, Map<String, String>> realmTexts) {
    }

    /** The theme's messages for the realm and locale, as {@link Theme#getEnhancedMessages} gives them. */
    Properties messages(Theme theme, RealmModel realm, Locale locale) throws IOException {
        String key = realm.getId() + "/" + locale.toLanguageTag();
        Map<String, Map<String, String>> texts = realm.getRealmLocalizationTexts();
        texts = texts == null ? Map.of() : texts;
        Map<String, Bundle> bundles = bundles(theme);
        Bundle bundle = bundles.get(key);
        if (bundle == null || !Objects.equals(bundle.realmTexts(), texts)) {
            bundle = new Bundle(theme.getEnhancedMessages(realm, locale), copy(texts));
            bundles.put(key, bundle);
        }
        return bundle.messages();
    }

    /** The theme's resources (styles, scripts, favicons), parsed once per theme instance. */
    ThemeResources resources(Theme theme, Properties properties) {
        return resourcesOf.computeIfAbsent(theme, t -> ThemeResourcesParser.parse(properties));
    }

    /** A copy that later changes to the realm's maps cannot reach. */
    private static Map<String, Map<String, String>> copy(Map<String, Map<String, String>> texts) {
        Map<String, Map<String, String>> copy = new HashMap<>();
        texts.forEach((locale, byKey) -> copy.put(locale, byKey == null ? Map.of() : Map.copyOf(byKey)));
        return Collections.unmodifiableMap(copy);
    }

    private Map<String, Bundle> bundles(Theme theme) {
        synchronized (byTheme) {
            return byTheme.computeIfAbsent(theme, t -> new ConcurrentHashMap<>());
        }
    }
}
