package be.leerid.registration;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import be.leerid.identifiers.ServiceAccess;

/**
 * What the ministry approved a service provider for, as signed in its software statement.
 *
 * @param softwareId stable id of the provider's service (claim {@code software_id})
 * @param clientName name shown to learners and teachers ({@code client_name})
 * @param organisationNumber KBO/BCE enterprise number, 10 digits ({@code org_kbo})
 * @param sector the pseudonym sector: the service's sub is the LeerID pseudonym for it ({@code leerid_sector})
 * @param redirectHosts host names redirect URIs may use ({@code redirect_hosts})
 * @param scopes LeerID client scopes the service may receive ({@code scope})
 * @param rawLeeridApproved whether the raw LeerID (scope leerid-id) is approved ({@code leerid_raw_id})
 * @param clientCredentialsAllowed whether the client credentials grant is approved ({@code client_credentials})
 * @param token the signed statement itself, kept with the client so updates are checked against it
 * @param access who may use the service, as the operator decided ({@code leerid_access}: open, staff or school; school
 *               when absent, so a new service reaches nobody until a school activates it)
 * @param signalReceiver the service's Shared Signals push receiver ({@code leerid_ssf_receiver}), or null
 * @param offlineAccessApproved whether the service may ask for offline access ({@code leerid_offline_access}): a mobile
 *                              app that keeps a person logged in; refused (invalid_scope) to every other service
 */
public record SoftwareStatement(String softwareId, String clientName, String organisationNumber, String sector,
                                List<String> redirectHosts, Set<String> scopes, boolean rawLeeridApproved,
                                boolean clientCredentialsAllowed, List<String> contacts, String policyUri, String tosUri,
                                Instant expiresAt, String token, ServiceAccess access, String signalReceiver,
                                boolean offlineAccessApproved) {

    /** Claim names, as documented in docs/registration.md. */
    public static final String SOFTWARE_ID = "software_id";
    public static final String CLIENT_NAME = "client_name";
    public static final String ORG_KBO = "org_kbo";
    public static final String SECTOR = "leerid_sector";
    public static final String REDIRECT_HOSTS = "redirect_hosts";
    public static final String SCOPE = "scope";
    public static final String RAW_LEERID = "leerid_raw_id";
    public static final String CLIENT_CREDENTIALS = "client_credentials";
    public static final String CONTACTS = "contacts";
    public static final String POLICY_URI = "policy_uri";
    public static final String TOS_URI = "tos_uri";
    public static final String ACCESS = "leerid_access";
    public static final String SIGNAL_RECEIVER = "leerid_ssf_receiver";
    public static final String OFFLINE_ACCESS = "leerid_offline_access";

    /** The scope that releases the raw LeerID; only with {@link #rawLeeridApproved}. */
    public static final String RAW_LEERID_SCOPE = "leerid-id";

    public SoftwareStatement {
        redirectHosts = List.copyOf(redirectHosts);
        scopes = Set.copyOf(scopes);
        contacts = List.copyOf(contacts);
    }

    @Override
    public String toString() {
        return "SoftwareStatement[" + softwareId + ", sector " + sector + "]";
    }
}
