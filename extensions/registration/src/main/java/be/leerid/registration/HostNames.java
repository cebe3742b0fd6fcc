package be.leerid.registration;

import java.util.Locale;
import java.util.regex.Pattern;

/** Host name rules shared by software statements and redirect URIs: public DNS names only. */
final class HostNames {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern IPV4 = Pattern.compile("[0-9.]+");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>\"]{1,64}@[a-z0-9.-]{1,190}\\.[a-z]{2,}");

    private HostNames() {
    }

    /** Lower-case ASCII DNS name with at least two labels; no IP literal, no localhost, no wildcard. */
    static boolean isPublicDnsName(String host) {
        if (host == null || host.isEmpty() || host.length() > 253 || !host.equals(host.toLowerCase(Locale.ROOT))) {
            return false;
        }
        if (IPV4.matcher(host).matches() || host.contains(":") || host.contains("[")) {
            return false;
        }
        if (host.equals("localhost") || host.endsWith(".localhost") || host.endsWith(".local") || host.endsWith(".internal")) {
            return false;
        }
        String[] labels = host.split("\\.", -1);
        if (labels.length < 2) {
            return false;
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    /** A contact address as statements and registrations give it: local part, @, a lower-case domain. */
    static boolean isEmailAddress(String address) {
        return address != null && EMAIL.matcher(address).matches();
    }

    /** The host itself or a subdomain of the given domain. */
    static boolean isWithin(String host, String domain) {
        return host.equals(domain) || host.endsWith("." + domain);
    }
}
