package be.leerid.tools.http;

import java.net.URI;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where LeerID's login page posts its form (username and password), read from the page's HTML. */
public final class LoginForm {

    private static final Pattern ID_FIRST = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
    private static final Pattern ACTION_FIRST = Pattern.compile("<form[^>]*action=\"([^\"]+)\"[^>]*id=\"kc-form-login\"");

    private LoginForm() {
    }

    /** The login form's action, or empty if the page has no login form. */
    public static Optional<URI> action(String page) {
        for (Pattern pattern : new Pattern[] {ID_FIRST, ACTION_FIRST}) {
            Matcher action = pattern.matcher(page);
            if (action.find()) {
                return Optional.of(URI.create(action.group(1).replace("&amp;", "&")));
            }
        }
        return Optional.empty();
    }
}
