package be.leerid.school.services.resources;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import be.leerid.identifiers.Claim;
import be.leerid.identifiers.ClaimScope;
import be.leerid.identifiers.ServiceAccess;
import be.leerid.identifiers.SubjectUnavailableException;
import be.leerid.identifiers.models.LeerIdProvider;
import be.leerid.school.SchoolCalendar;
import org.jboss.logging.Logger;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.AuthenticationManager;

/** The services a school chooses ({@code school} access), as the console lists, activates and deactivates them. */
final class SchoolServices {

    /** The theme's words for the pseudonym, which every LeerID service receives. */
    static final String PSEUDONYM_KEY = "leeridClaim_sub";
    private static final Logger LOG = Logger.getLogger(SchoolServices.class);
    /** The most accounts a deactivation looks at for sessions: a whole large school. */
    private static final int MAX_PEOPLE = 20_000;

    private final KeycloakSession session;
    private final RealmModel realm;
    private final LeerIdProvider leerid;

    SchoolServices(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
        this.leerid = session.getProvider(LeerIdProvider.class);
    }

    /** Every enabled LeerID service in {@code school} access, by name. */
    List<ServiceRow> list(String school) {
        return schoolServices()
                .map(client -> new ServiceRow(client.getId(), name(client), claimKeys(client),
                        leerid.activations(client).get(school)))
                .sorted(Comparator.comparing(ServiceRow::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    /** The service, if it is one schools choose; any other id is answered as unknown. */
    Optional<ClientModel> find(String id) {
        ClientModel client = id == null ? null : realm.getClientById(id);
        if (client == null || !isSchoolService(client)) {
            return Optional.empty();
        }
        return Optional.of(client);
    }

    boolean activate(ClientModel client, String school) {
        return leerid.activate(client, school, SchoolCalendar.today());
    }

    /**
     * Deactivates the service for the school. The school's people who reach it through no other school are logged
     * out of it: a back-channel logout (with the pseudonym the service knows) for each session, sent before the
     * activation goes; their refresh tokens stop working with it.
     *
     * @return the number of sessions logged out, or -1 if the school had not activated the service
     */
    int deactivate(ClientModel client, String school) {
        if (!leerid.isActivatedBy(client, school)) {
            return -1;
        }
        List<UserModel> losing = leerid.peopleOfSchool(realm, school, null, null, null, 0, MAX_PEOPLE)
                .filter(user -> !reachesElsewhere(client, user, school))
                .toList();
        int sessions = 0;
        for (UserModel user : losing) {
            long count = session.sessions().getUserSessionsStream(realm, user)
                    .filter(s -> s.getAuthenticatedClientSessionByClient(client.getId()) != null).count();
            if (count > 0) {
                AuthenticationManager.backchannelLogoutUserFromClient(session, realm, user, client,
                        session.getContext().getUri(), session.getContext().getRequestHeaders());
                sessions += (int) count;
            }
        }
        leerid.deactivate(client, school);
        LOG.infof("LeerID school console: a school deactivated client \"%s\"; %d sessions logged out of it", client.getClientId(), sessions);
        return sessions;
    }

    /** Whether another of the person's schools activated the service. */
    private boolean reachesElsewhere(ClientModel client, UserModel user, String school) {
        return leerid.person(user).schools().stream().anyMatch(other -> !other.equals(school) && leerid.isActivatedBy(client, other));
    }

    private Stream<ClientModel> schoolServices() {
        return realm.getClientsStream().filter(this::isSchoolService);
    }

    private boolean isSchoolService(ClientModel client) {
        if (!client.isEnabled() || client.isBearerOnly() || !leerid.isLeerIdService(client)) {
            return false;
        }
        try {
            return leerid.access(client) == ServiceAccess.SCHOOL;
        } catch (SubjectUnavailableException e) {
            return false;
        }
    }

    /** The name the console shows for a service. */
    static String name(ClientModel client) {
        return client.getName() == null || client.getName().isBlank() ? client.getClientId() : client.getName();
    }

    /** The theme's words for each claim the service is approved for (default and optional scopes). */
    private static List<String> claimKeys(ClientModel client) {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(PSEUDONYM_KEY);
        List<ClaimScope> scopes = new ArrayList<>();
        Stream.concat(client.getClientScopes(true).values().stream(), client.getClientScopes(false).values().stream())
                .map(ClientScopeModel::getName).forEach(name -> ClaimScope.byName(name).ifPresent(scopes::add));
        for (Claim claim : Claim.values()) {
            if (scopes.contains(claim.scope())) {
                keys.add("leeridClaim_" + claim.oidcName());
            }
        }
        return List.copyOf(keys);
    }
}
