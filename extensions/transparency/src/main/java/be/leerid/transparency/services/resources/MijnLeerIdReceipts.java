package be.leerid.transparency.services.resources;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import be.leerid.identifiers.Claim;
import be.leerid.identifiers.ClientAttributes;
import be.leerid.identifiers.PersonRecord;
import be.leerid.identifiers.ReleaseRecord;
import be.leerid.identifiers.ServiceAccess;
import be.leerid.identifiers.SubjectUnavailableException;
import be.leerid.identifiers.models.LeerIdProvider;
import be.leerid.identifiers.protocol.MapperConfig;
import be.leerid.transparency.ClaimDisplay;
import org.keycloak.device.DeviceActivityManager;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.representations.account.DeviceRepresentation;

/** What "Mijn LeerID" shows a person, read from the release record and the LeerID provider. */
final class MijnLeerIdReceipts {

    static final String CLAIM_KEY_PREFIX = "leeridClaim_";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d/M/yyyy");
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d/M/yyyy HH:mm");

    private final KeycloakSession session;
    private final RealmModel realm;
    private final LeerIdProvider leerid;

    MijnLeerIdReceipts(KeycloakSession session) {
        this.session = session;
        this.realm = session.getContext().getRealm();
        this.leerid = session.getProvider(LeerIdProvider.class);
    }

    /** Every service that received something about the person, most recent first. */
    List<ServiceReceipt> services(UserModel user) {
        List<ServiceReceipt> receipts = new ArrayList<>();
        for (ReleaseRecord record : leerid.releases(user)) {
            ClientModel client = realm.getClientById(record.service());
            if (client != null) {
                receipts.add(receipt(client, user, record));
            }
        }
        return receipts;
    }

    private ServiceReceipt receipt(ClientModel client, UserModel user, ReleaseRecord record) {
        Optional<PersonRecord> person;
        try {
            person = Optional.of(leerid.personForService(client, user));
        } catch (SubjectUnavailableException e) {
            person = Optional.empty();
        }
        String pseudonym;
        try {
            pseudonym = leerid.knownPseudonym(client, user);
        } catch (SubjectUnavailableException e) {
            pseudonym = "";
        }
        List<ServiceReceipt.ClaimLine> claims = new ArrayList<>();
        claims.add(new ServiceReceipt.ClaimLine(CLAIM_KEY_PREFIX + Claim.SUBJECT_CLAIM, List.of(pseudonym)));
        for (Claim claim : Claim.values()) {
            if (record.claims().contains(claim.oidcName())) {
                List<String> values = person.map(p -> ClaimDisplay.values(claim, p, MapperConfig.DEFAULT_SCOPE)).orElse(List.of());
                claims.add(new ServiceReceipt.ClaimLine(CLAIM_KEY_PREFIX + claim.oidcName(), values));
            }
        }
        String access = "";
        List<String> activatedBy = List.of();
        try {
            ServiceAccess mode = leerid.access(client);
            access = mode.name().toLowerCase(java.util.Locale.ROOT);
            if (mode == ServiceAccess.SCHOOL) {
                activatedBy = leerid.schools(user).stream().filter(school -> leerid.isActivatedBy(client, school)).toList();
            }
        } catch (SubjectUnavailableException e) {
            // A misconfigured service: shown without its access mode.
        }
        String logo = client.getAttribute(ClientAttributes.LOGO);
        return new ServiceReceipt(client.getId(), name(client), logo == null ? "" : logo, access, activatedBy, claims, pseudonym,
                DAY.format(record.first()), DAY.format(record.last()), person.isPresent());
    }

    /** The person's login sessions, the one on this device first. */
    List<SessionRow> sessions(UserModel user, UserSessionModel current) {
        return session.sessions().getUserSessionsStream(realm, user)
                .sorted(Comparator.comparing((UserSessionModel s) -> !s.getId().equals(current.getId()))
                        .thenComparing(Comparator.comparingInt(UserSessionModel::getLastSessionRefresh).reversed()))
                .map(s -> new SessionRow(device(s), moment(s.getStarted()), moment(s.getLastSessionRefresh()),
                        s.getIpAddress() == null ? "" : s.getIpAddress(),
                        s.getAuthenticatedClientSessions().values().stream().map(c -> c.getClient())
                                .filter(leerid::isLeerIdService).map(MijnLeerIdReceipts::name).sorted().toList(),
                        s.getId().equals(current.getId())))
                .toList();
    }

    /** "Chrome 120 · Linux", from what Keycloak recorded at the login; empty if it recorded nothing. */
    private static String device(UserSessionModel userSession) {
        DeviceRepresentation device = DeviceActivityManager.getCurrentDevice(userSession);
        if (device == null) {
            return "";
        }
        return java.util.stream.Stream.of(device.getBrowser(), device.getOs())
                .filter(part -> part != null && !part.isBlank() && !part.startsWith("Other"))
                .map(part -> part.replace('/', ' ')).collect(java.util.stream.Collectors.joining(" · "));
    }

    private static String moment(int epochSeconds) {
        return MOMENT.format(Instant.ofEpochSecond(epochSeconds).atZone(ReleaseRecord.ZONE));
    }

    static String name(ClientModel client) {
        return client.getName() == null || client.getName().isBlank() ? client.getClientId() : client.getName();
    }
}
