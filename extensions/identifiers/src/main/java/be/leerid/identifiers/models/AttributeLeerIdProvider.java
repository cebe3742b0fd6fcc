package be.leerid.identifiers.models;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import be.leerid.identifiers.ClientAttributes;
import be.leerid.identifiers.FormerSubject;
import be.leerid.identifiers.NationalRegisterNumber;
import be.leerid.identifiers.PersonRecord;
import be.leerid.identifiers.PersonSignal;
import be.leerid.identifiers.PseudonymDeriver;
import be.leerid.identifiers.ReleaseRecord;
import be.leerid.identifiers.SchoolRole;
import be.leerid.identifiers.SectorException;
import be.leerid.identifiers.SectorResolver;
import be.leerid.identifiers.ServiceAccess;
import be.leerid.identifiers.ServiceUse;
import be.leerid.identifiers.SubjectUnavailableException;
import be.leerid.identifiers.SubjectUnavailableException.Reason;
import be.leerid.identifiers.UserAttributes;
import jakarta.persistence.TypedQuery;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.FederatedIdentityModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.ProtocolMapper;
import org.keycloak.protocol.saml.SamlProtocol;
import org.keycloak.services.managers.AuthenticationManager;

/** People and schools as the register sync stores them: in user attributes ({@link UserAttributes}). */
final class AttributeLeerIdProvider implements LeerIdProvider {

    private static final Logger LOG = Logger.getLogger(AttributeLeerIdProvider.class);

    private final KeycloakSession session;
    private final PseudonymKeyCache keys;
    private final SectorResolver sectors;
    // This session's request only: the provider lives as long as its Keycloak session.
    private final Map<String, PersonRecord> people = new HashMap<>();
    private final Map<String, String> pseudonyms = new HashMap<>();
    private final Map<String, PersonRecord> releases = new HashMap<>();
    private final Map<String, PseudonymDeriver> derivers = new HashMap<>();
    private ReleaseRecorder recorder;

    private final boolean releaseRecord;

    AttributeLeerIdProvider(KeycloakSession session, PseudonymKeyCache keys, SectorResolver sectors, boolean releaseRecord) {
        this.session = session;
        this.keys = keys;
        this.sectors = sectors;
        this.releaseRecord = releaseRecord;
    }

    @Override
    public PersonRecord person(UserModel user) {
        return PersonRecord.fromAttributes(user.getFirstName(), user.getLastName(), name -> user.getAttributeStream(name).toList());
    }

    @Override
    public PersonRecord personInRequest(UserModel user) {
        // JFR: building the record per mapper was 2 % of a userinfo call.
        return people.computeIfAbsent(user.getId(), id -> person(user));
    }

    @Override
    public List<UserModel> staffByNationalRegisterNumberHash(RealmModel realm, String hash) {
        return session.users().searchForUserByUserAttributeStream(realm, UserAttributes.NRN_HASH, hash)
                .filter(user -> user.getServiceAccountClientLink() == null)
                .limit(10)
                .toList();
    }

    @Override
    public List<String> schools(UserModel user) {
        return user.getAttributeStream(UserAttributes.SCHOOL).toList();
    }

    @Override
    public Set<SchoolRole> rolesAt(UserModel user, String school) {
        Set<SchoolRole> roles = EnumSet.noneOf(SchoolRole.class);
        user.getAttributeStream(UserAttributes.SCHOOL_ROLE).forEach(value -> {
            int at = value.lastIndexOf('@');
            if (at > 0 && value.substring(at + 1).equals(school)) {
                SchoolRole.of(value.substring(0, at)).ifPresent(roles::add);
            }
        });
        return roles;
    }

    @Override
    public Stream<UserModel> peopleOfSchool(RealmModel realm, String school, String text, String schoolClass, String grade,
                                            int first, int max) {
        // Keycloak's own attribute search compares lower(value), which no index serves: 12 to 33 s a search
        // at 1.36 million accounts. Exact values use the (name, value) index: a school's few hundred rows. Class
        // and grade are those of the enrolment at this school (<school>:<grade>:<class>), never another school's.
        StringBuilder jpql = new StringBuilder("select u.id from UserEntity u join u.attributes s");
        boolean byClass = schoolClass != null && !schoolClass.isBlank();
        boolean byGrade = grade != null && !grade.isBlank();
        boolean byText = text != null && !text.isBlank();
        jpql.append(byClass || byGrade ? " join u.attributes e" : "")
                .append(" where u.realmId = :realm and u.serviceAccountClientLink is null and s.name = :schoolName and s.value = :school");
        List<String> places = new ArrayList<>();
        if (byClass || byGrade) {
            String gradePart = byGrade ? likeEscaped(grade.strip()) : "%";
            if (byClass) {
                String typed = schoolClass.strip();
                places.add(likeEscaped(school) + ":" + gradePart + ":" + likeEscaped(typed));
                places.add(likeEscaped(school) + ":" + gradePart + ":" + likeEscaped(typed.toUpperCase(Locale.ROOT)));
            } else {
                places.add(likeEscaped(school) + ":" + gradePart + ":%");
            }
            jpql.append(" and e.name = :enrolmentName and (e.value like :place0 escape '\\' or e.value like :place1 escape '\\')");
        }
        if (byText) {
            jpql.append(" and (lower(u.firstName) like :text escape '\\' or lower(u.lastName) like :text escape '\\'"
                    + " or u.username like :text escape '\\')");
        }
        jpql.append(" order by u.username");
        TypedQuery<String> query = session.getProvider(JpaConnectionProvider.class).getEntityManager()
                .createQuery(jpql.toString(), String.class)
                .setParameter("realm", realm.getId())
                .setParameter("schoolName", UserAttributes.SCHOOL)
                .setParameter("school", school);
        if (!places.isEmpty()) {
            query.setParameter("enrolmentName", UserAttributes.ENROLMENT)
                    .setParameter("place0", places.get(0)).setParameter("place1", places.get(places.size() - 1));
        }
        if (byText) {
            query.setParameter("text", "%" + likeEscaped(text.strip().toLowerCase(Locale.ROOT)) + "%");
        }
        return query.setFirstResult(first).setMaxResults(max).getResultList().stream()
                .map(id -> session.users().getUserById(realm, id))
                .filter(Objects::nonNull);
    }

    private static String likeEscaped(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    @Override
    public void endSessions(RealmModel realm, UserModel user) {
        session.users().setNotBeforeForUser(realm, user, Time.currentTime());
        List<UserSessionModel> online = session.sessions().getUserSessionsStream(realm, user).toList();
        List<UserSessionModel> offline = session.sessions().getOfflineUserSessionsStream(realm, user).toList();
        UriInfo uri = requestUri();
        if (uri == null) {
            LOG.warnf("LeerID ended %d sessions in realm %s without back-channel logout: no request to act for",
                    online.size() + offline.size(), realm.getName());
            online.forEach(s -> session.sessions().removeUserSession(realm, s));
            offline.forEach(s -> session.sessions().removeOfflineUserSession(realm, s));
            return;
        }
        // Every service of the session with a back-channel logout endpoint hears it (OIDC logout token, SAML
        // LogoutRequest), then the session is removed; the eID gateway's session is left alone.
        online.forEach(s -> AuthenticationManager.backchannelLogout(session, realm, s, uri, null, null, false, false));
        offline.forEach(s -> AuthenticationManager.backchannelLogout(session, realm, s, uri, null, null, false, true));
    }

    /** The URI of the request this session acts for (a background job's: see BackgroundRequest); null if none. */
    private UriInfo requestUri() {
        try {
            return session.getContext().getUri();
        } catch (RuntimeException noRequest) {
            return null;
        }
    }

    @Override
    public boolean isLeerIdService(ClientModel client) {
        Stream<ProtocolMapperModel> mappers = Stream.concat(client.getProtocolMappersStream(),
                client.getClientScopes(true).values().stream().flatMap(ClientScopeModel::getProtocolMappersStream));
        return mappers.anyMatch(m -> session.getKeycloakSessionFactory()
                .getProviderFactory(ProtocolMapper.class, m.getProtocolMapper()) instanceof SubjectMapper);
    }

    @Override
    public String sector(ClientModel client) {
        String configured = client.getAttribute(ClientAttributes.SECTOR);
        try {
            if (SamlProtocol.LOGIN_PROTOCOL.equals(client.getProtocol())) {
                return sectors.forSamlClient(configured, client.getClientId());
            }
            return sectors.forOidcClient(configured, client.getRootUrl(), client.getRedirectUris());
        } catch (SectorException e) {
            throw new SubjectUnavailableException(Reason.NO_SECTOR, "client \"" + client.getClientId() + "\": " + e.getMessage());
        }
    }

    @Override
    public String pseudonym(ClientModel client, UserModel user) {
        return derive(client, person(user));
    }

    @Override
    public String pseudonymInRequest(ClientModel client, UserModel user) {
        String key = client.getId() + "/" + user.getId();
        String known = pseudonyms.get(key);
        if (known == null) {
            known = derive(client, personInRequest(user));
            pseudonyms.put(key, known);
        }
        return known;
    }

    @Override
    public PseudonymDeriver deriver(RealmModel realm) {
        PseudonymDeriver deriver = derivers.get(realm.getId());
        if (deriver == null) {
            deriver = keys.deriver(session, realm);
            derivers.put(realm.getId(), deriver);
        }
        return deriver;
    }

    @Override
    public String nationalRegisterNumberHash(RealmModel realm, String number) {
        if (!NationalRegisterNumber.isValid(number)) {
            throw new IllegalArgumentException("not a valid national register number");
        }
        return NationalRegisterNumber.hash(deriver(realm), number);
    }

    private String derive(ClientModel client, PersonRecord person) {
        if (!person.hasLeerid()) {
            throw new SubjectUnavailableException(Reason.NO_LEERID,
                    "user has no LeerID; no token or assertion is issued to client \"" + client.getClientId() + "\"");
        }
        // A misconfigured service is reported as such, before whether it may serve this person.
        String sector = sector(client);
        release(client, person);
        return deriver(client.getRealm()).derive(sector, person.leerid());
    }

    @Override
    public String knownPseudonym(ClientModel client, UserModel user) {
        PersonRecord person = personInRequest(user);
        if (!person.hasLeerid()) {
            throw new SubjectUnavailableException(Reason.NO_LEERID, "user has no LeerID; no logout token for client \""
                    + client.getClientId() + "\"");
        }
        return deriver(client.getRealm()).derive(sector(client), person.leerid());
    }

    @Override
    public PersonRecord personForService(ClientModel client, UserModel user) {
        String key = client.getId() + "/" + user.getId();
        PersonRecord known = releases.get(key);
        if (known == null) {
            known = release(client, personInRequest(user));
            releases.put(key, known);
        }
        return known;
    }

    @Override
    public ServiceAccess access(ClientModel client) {
        try {
            return ServiceAccess.of(client.getAttribute(ServiceAccess.ATTRIBUTE));
        } catch (IllegalArgumentException e) {
            throw new SubjectUnavailableException(Reason.MISCONFIGURED, "client \"" + client.getClientId() + "\": " + e.getMessage());
        }
    }

    @Override
    public boolean isActivatedBy(ClientModel client, String school) {
        return client.getAttribute(ClientAttributes.activatedBy(school)) != null;
    }

    @Override
    public Map<String, String> activations(ClientModel client) {
        Map<String, String> schools = new TreeMap<>();
        client.getAttributes().forEach((name, value) -> {
            if (name.startsWith(ClientAttributes.ACTIVATED_BY) && name.length() > ClientAttributes.ACTIVATED_BY.length()) {
                schools.put(name.substring(ClientAttributes.ACTIVATED_BY.length()), value);
            }
        });
        return schools;
    }

    @Override
    public boolean activate(ClientModel client, String school, LocalDate day) {
        if (isActivatedBy(client, school)) {
            return false;
        }
        client.setAttribute(ClientAttributes.activatedBy(school), day.toString());
        return true;
    }

    @Override
    public boolean deactivate(ClientModel client, String school) {
        if (!isActivatedBy(client, school)) {
            return false;
        }
        client.removeAttribute(ClientAttributes.activatedBy(school));
        return true;
    }

    /** The person as the service may see them; see {@link ServiceAccess#release}. */
    private PersonRecord release(ClientModel client, PersonRecord person) {
        return access(client).release(person, school -> isActivatedBy(client, school), client.getClientId());
    }

    @Override
    public void close() {
    }

    @Override
    public void released(AuthenticatedClientSessionModel clientSession, UserModel user, String claim) {
        if (!releaseRecord) {
            return;
        }
        if (recorder == null) {
            recorder = new ReleaseRecorder(session);
        }
        recorder.released(clientSession, user.getId(), claim, () -> schoolsSeenBy(clientSession.getClient(), user));
    }

    private List<String> schoolsSeenBy(ClientModel client, UserModel user) {
        try {
            return personForService(client, user).schools();
        } catch (SubjectUnavailableException e) {
            return List.of();
        }
    }

    @Override
    public List<ServiceUse> serviceUse(RealmModel realm, String school, LocalDate from, LocalDate to) {
        return new ReleaseStore(session).useAt(realm.getId(), school, from, to);
    }

    @Override
    public List<ReleaseRecord> releases(UserModel user) {
        return new ReleaseStore(session).ofPerson(user.getId());
    }

    @Override
    public Set<String> knownToServices(Collection<String> userIds) {
        return new ReleaseStore(session).knownAmong(userIds);
    }

    @Override
    public Stream<ReleaseRecord> releases(ClientModel client, LocalDate from, LocalDate to) {
        return new ReleaseStore(session).ofService(client.getId(), from, to);
    }

    @Override
    public void signal(RealmModel realm, UserModel user, PersonSignal signal) {
        if (signal == PersonSignal.IDENTIFIER_CHANGED) {
            throw new IllegalArgumentException("an identifier change is signalled by merge()");
        }
        session.getKeycloakSessionFactory().publish(new PersonSignalEvent(session, realm, user, signal, null));
    }

    @Override
    public List<String> formerPseudonyms(ClientModel client, UserModel user) {
        List<String> values = user.getAttributeStream(UserAttributes.FORMER_SUBJECT).toList();
        if (values.isEmpty()) {
            return List.of();
        }
        LocalDate today = ReleaseRecord.today(Time.currentTimeMillis());
        return values.stream().map(FormerSubject::parse).flatMap(Optional::stream)
                .filter(former -> former.shownTo(client.getId(), today)).map(FormerSubject::pseudonym).distinct().toList();
    }

    @Override
    public int merge(RealmModel realm, UserModel survivor, UserModel merged, LocalDate day) {
        List<ReleaseRecord> known = releases(merged);
        Set<String> formers = new LinkedHashSet<>(survivor.getAttributeStream(UserAttributes.FORMER_SUBJECT).toList());
        // A record merged before into the merged one stays known to its services under its own former pseudonym.
        formers.addAll(merged.getAttributeStream(UserAttributes.FORMER_SUBJECT).toList());
        int services = 0;
        for (ReleaseRecord release : known) {
            ClientModel client = realm.getClientById(release.service());
            if (client == null) {
                continue;
            }
            try {
                formers.add(FormerSubject.keptFrom(client.getId(), knownPseudonym(client, merged), day).value());
                services++;
            } catch (SubjectUnavailableException e) {
                LOG.debugf("no former pseudonym for client %s: %s", client.getClientId(), e.getMessage());
            }
        }
        formers.removeIf(value -> FormerSubject.parse(value).map(former -> former.until().isBefore(day)).orElse(true));
        survivor.setAttribute(UserAttributes.FORMER_SUBJECT, List.copyOf(formers));
        // Signalled while the merged account still has its release record: its services are the ones to hear it.
        session.getKeycloakSessionFactory().publish(new PersonSignalEvent(session, realm, merged, PersonSignal.IDENTIFIER_CHANGED, survivor));
        endSessions(realm, merged);
        new ReleaseStore(session).move(realm.getId(), merged.getId(), survivor.getId());
        moveIdentityLinks(realm, merged, survivor);
        session.users().removeUser(realm, merged);
        return services;
    }

    /** The merged account's identity provider links go to the survivor, unless it has its own link at that provider. */
    private void moveIdentityLinks(RealmModel realm, UserModel from, UserModel to) {
        List<FederatedIdentityModel> links = session.users().getFederatedIdentitiesStream(realm, from).toList();
        for (FederatedIdentityModel link : links) {
            session.users().removeFederatedIdentity(realm, from, link.getIdentityProvider());
            if (session.users().getFederatedIdentity(realm, to, link.getIdentityProvider()) == null) {
                session.users().addFederatedIdentity(realm, to, link);
            }
        }
    }
}
