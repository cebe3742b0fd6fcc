package be.leerid.transparency;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The event details the export carries: only those that say what happened, never what a person typed (Keycloak's
 * {@code username} detail holds whatever was typed in the username field, a password included), nor a code, a
 * redirect with its parameters or an address.
 */
public final class ExportedDetails {

    private static final Set<String> KEPT = Set.of("auth_method", "auth_type", "grant_type", "reason", "school", "action",
            "response_type", "response_mode", "custom_required_action", "identity_provider", "credential_type",
            "register", "kind", "rows", "created", "updated", "disabled", "merged", "rejected", "service", "signal");

    private ExportedDetails() {
    }

    public static Map<String, String> of(Map<String, String> details) {
        Map<String, String> kept = new TreeMap<>();
        if (details != null) {
            details.forEach((name, value) -> {
                if (KEPT.contains(name)) {
                    kept.put(name, value);
                }
            });
        }
        return kept;
    }
}
