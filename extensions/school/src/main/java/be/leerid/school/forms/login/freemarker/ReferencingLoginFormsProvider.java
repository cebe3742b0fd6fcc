package be.leerid.school.forms.login.freemarker;

import java.io.IOException;
import java.net.URI;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Properties;

import be.leerid.identifiers.models.LeerIdProvider;
import be.leerid.school.ReferenceCode;
import be.leerid.school.ScriptNonce;
import be.leerid.school.StopReason;
import be.leerid.school.models.AccountState;
import be.leerid.school.models.ReferenceCodes;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.keycloak.authentication.authenticators.browser.AbstractUsernameFormAuthenticator;
import org.keycloak.forms.login.MessageType;
import org.keycloak.forms.login.freemarker.FreeMarkerLoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelException;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.services.messages.Messages;
import org.keycloak.theme.Theme;
import org.keycloak.theme.ThemeResources;
import org.keycloak.theme.beans.AdvancedMessageFormatterMethod;
import org.keycloak.theme.beans.MessageFormatterMethod;

/**
 * Keycloak's login pages, with one addition: a page that shows an error also shows a reference code
 * ({@code leeridReference}), which the person's school can look up in the console to see what stopped
 * them, without the page telling anyone else; and, where the service has no home page configured, the way back to
 * it ({@code leeridServiceHome}: the origin of the address the login would have returned to). Every page gets a
 * script nonce ({@code leeridNonce}, {@link ScriptNonce}) for its own inline scripts.
 */
public final class ReferencingLoginFormsProvider extends FreeMarkerLoginFormsProvider {

    public static final String ATTRIBUTE = "leeridReference";
    public static final String SERVICE_HOME = "leeridServiceHome";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Logger LOG = Logger.getLogger(ReferencingLoginFormsProvider.class);

    private final ThemeBundles bundles;

    public ReferencingLoginFormsProvider(KeycloakSession session, ThemeBundles bundles) {
        super(session);
        this.bundles = bundles;
    }

    /**
     * What Keycloak's own method (in the version LeerID ships on) puts on every page: messages, {@code msg},
     * {@code advancedMsg}, the theme's properties and resources, dark mode; from {@link ThemeBundles} instead of built
     * anew for each page. One difference: Keycloak's {@code msg} also looked up the page's attribute names as if they
     * were message keys; the templates only ever ask it for messages.
     */
    @Override
    protected Properties handleThemeResources(Theme theme, Locale locale) {
        if (realm == null) {
            return super.handleThemeResources(theme, locale);
        }
        Properties messages;
        try {
            messages = bundles.messages(theme, realm, locale);
            // Keycloak copies the messages twice more for these (JFR: 1.5 % of a badge login); they only read them.
            attributes.put("msg", new MessageFormatterMethod(locale, messages));
            attributes.put("advancedMsg", new AdvancedMessageFormatterMethod(locale, messages));
        } catch (IOException e) {
            LOG.warn("Failed to load messages", e);
            messages = new Properties();
        }
        try {
            Properties properties = theme.getProperties();
            attributes.put("properties", properties);
            attributes.put("themeResources", bundles.resources(theme, properties));
            attributes.put("darkMode", "true".equals(properties.getProperty("darkMode")) && realm.getAttribute("darkMode", true));
        } catch (IOException e) {
            LOG.warn("Failed to load properties", e);
            attributes.put("themeResources", ThemeResources.empty());
        }
        return messages;
    }

    @Override
    protected Response processTemplate(Theme theme, String templateName, Locale locale) {
        Object nonce = session.getAttribute(ScriptNonce.SESSION_ATTRIBUTE);
        if (nonce == null) {
            nonce = ScriptNonce.random(RANDOM);
            session.setAttribute(ScriptNonce.SESSION_ATTRIBUTE, nonce);
        }
        attributes.put(ScriptNonce.TEMPLATE_ATTRIBUTE, nonce);
        if (messageType == MessageType.ERROR && messages != null && !messages.isEmpty() && realm != null) {
            String shown = messages.get(0).getMessage();
            UserModel person = person();
            StopReason reason = person == null ? StopReason.AS_SHOWN : StopReason.of(person.isEnabled(),
                    AccountState.locked(session, realm, person),
                    session.getProvider(LeerIdProvider.class).person(person).isLearner() && !AccountState.hasPassword(person), Messages.INVALID_USER.equals(shown) || "leeridActivationWrong".equals(shown));
            ReferenceCode code = new ReferenceCodes(session).issue(realm, person == null ? null : person.getId(),
                    reason.messageKey(shown), client == null ? null : client.getClientId());
            attributes.put(ATTRIBUTE, code.printed());
            String home = authenticationSession == null ? null : serviceHome(authenticationSession.getRedirectUri());
            if (home != null) {
                attributes.put(SERVICE_HOME, home);
            }
        }
        return super.processTemplate(theme, templateName, locale);
    }

    /** The origin of a (validated) redirect or assertion consumer address, or null if it is not a web address. */
    static String serviceHome(String redirectUri) {
        if (redirectUri == null) {
            return null;
        }
        try {
            URI uri = URI.create(redirectUri);
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
                return null;
            }
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), "/", null, null).toString();
        } catch (IllegalArgumentException | java.net.URISyntaxException e) {
            return null;
        }
    }

    /** Who the page is about: the login's user, or the account of the username just tried. */
    private UserModel person() {
        if (user != null) {
            return user;
        }
        if (authenticationSession == null) {
            return null;
        }
        if (authenticationSession.getAuthenticatedUser() != null) {
            return authenticationSession.getAuthenticatedUser();
        }
        String attempted = authenticationSession.getAuthNote(AbstractUsernameFormAuthenticator.ATTEMPTED_USERNAME);
        try {
            return attempted == null || attempted.isBlank() ? null : KeycloakModelUtils.findUserByNameOrEmail(session, realm, attempted);
        } catch (ModelException e) {
            return null;
        }
    }
}
