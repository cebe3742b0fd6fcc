package be.leerid.identifiers.models;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import be.leerid.identifiers.PersonRecord;
import be.leerid.identifiers.PersonSignal;
import be.leerid.identifiers.PseudonymDeriver;
import be.leerid.identifiers.ReleaseRecord;
import be.leerid.identifiers.ServiceUse;
import be.leerid.identifiers.SchoolRole;
import be.leerid.identifiers.ServiceAccess;
import be.leerid.identifiers.SubjectUnavailableException;
import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.ClientModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.Provider;

/**
 * The one way LeerID's modules reach people, schools, sectors and pseudonyms:
 * {@code session.getProvider(LeerIdProvider.class)}. One instance per Keycloak session, so what it
 * remembers for a request (a person's record, a pseudonym, the realm's key) lasts exactly one request;
 * what lasts longer (the key read from the vault, valid sectors) its factory keeps.
 */
public interface LeerIdProvider extends Provider {

    /** The person's register record, read afresh: for logins, whose steps may still change the user. */
    PersonRecord person(UserModel user);

    /**
     * The person's register record, read once per request: for mappers, which run after the user's last
     * change and of which one token response runs up to ten.
     */
    PersonRecord personInRequest(UserModel user);

    /**
     * The accounts the register stored under a national register number's keyed hash (staff records; at
     * most a few, never service accounts).
     */
    List<UserModel> staffByNationalRegisterNumberHash(RealmModel realm, String hash);

    /** The schools the register lists the person at (a leaver keeps the schools they left). */
    List<String> schools(UserModel user);

    /** The roles the staff register gives the person at a school today; empty for learners and leavers' ended roles. */
    Set<SchoolRole> rolesAt(UserModel user, String school);

    /**
     * People the register lists at a school, leavers included, ordered by username: those whose name or
     * username contains {@code text} (if given) and with exactly this class and grade (if given).
     */
    Stream<UserModel> peopleOfSchool(RealmModel realm, String school, String text, String schoolClass, String grade,
                                     int first, int max);

    /**
     * Every session and token of the person ends now, wherever it is: not-before now, online and offline sessions
     * removed, and every service of those sessions that registered a back-channel logout endpoint told (OIDC logout
     * token, SAML LogoutRequest). A background job's session acts for the request that started it
     * ({@link be.leerid.identifiers.services.BackgroundRequest}); without one, services are not told.
     */
    void endSessions(RealmModel realm, UserModel user);

    /**
     * The person as this service may see them, once per request and client: for a {@code school} service only the
     * schools that activated it ({@link be.leerid.identifiers.ServiceAccess#release}).
     *
     * @throws SubjectUnavailableException if the service is not for this person (STAFF_ONLY, NOT_ACTIVATED) or misconfigured
     */
    PersonRecord personForService(ClientModel client, UserModel user);

    /** @throws SubjectUnavailableException with reason MISCONFIGURED if the client's access attribute is invalid */
    ServiceAccess access(ClientModel client);

    /** Whether this school activated the service (meaningful for {@code school} services). */
    boolean isActivatedBy(ClientModel client, String school);

    /** The schools that activated the service, by institution number, each with the day it did (yyyy-mm-dd). */
    Map<String, String> activations(ClientModel client);

    /** @return false if the school had already activated it (nothing changes) */
    boolean activate(ClientModel client, String school, LocalDate day);

    /** @return false if the school had not activated it (nothing changes) */
    boolean deactivate(ClientModel client, String school);

    /** Whether the client's subject is a LeerID pseudonym, directly or through a default client scope. */
    boolean isLeerIdService(ClientModel client);

    /** @throws SubjectUnavailableException with reason NO_SECTOR if the client's sector cannot be decided */
    String sector(ClientModel client);

    /**
     * The person's pseudonym at this service, from a freshly read record.
     *
     * @throws SubjectUnavailableException if the user has no LeerID, the service is not for them, or the
     *                                     realm has no key or the client no sector
     */
    String pseudonym(ClientModel client, UserModel user);

    /** As {@link #pseudonym}, from {@link #personInRequest}, derived once per request and client. */
    String pseudonymInRequest(ClientModel client, UserModel user);

    /**
     * The pseudonym the service already knows, whether or not it may still serve the person (a school deactivated
     * it, the person left): for logout tokens, which tell the service exactly that.
     *
     * @throws SubjectUnavailableException if the user has no LeerID, or the realm has no key or the client no sector
     */
    String knownPseudonym(ClientModel client, UserModel user);

    /**
     * The realm's keyed deriver (pseudonyms, keyed hashes); the key comes from the vault only.
     *
     * @throws SubjectUnavailableException with reason NO_KEY if the vault has no usable key
     */
    PseudonymDeriver deriver(RealmModel realm);

    /**
     * The keyed hash under which LeerID knows a national register number; the number is never stored.
     *
     * @throws IllegalArgumentException if the number is not a valid national register number
     * @throws SubjectUnavailableException with reason NO_KEY if the vault has no usable key
     */
    String nationalRegisterNumberHash(RealmModel realm, String number);

    /**
     * A LeerID mapper put this claim (its OIDC name, or {@link be.leerid.identifiers.Claim#SUBJECT_CLAIM}) into a token,
     * userinfo answer or assertion for the client session's service: the release record learns it when the request
     * commits, with at most one write per person, service and day.
     */
    void released(AuthenticatedClientSessionModel clientSession, UserModel user, String claim);

    /** What each service received about the person (the release record), most recently released first. */
    List<ReleaseRecord> releases(UserModel user);

    /** Which of these accounts (by id) some service received something about: the people a {@link #signal} reaches. */
    Set<String> knownToServices(Collection<String> userIds);

    /** The release records of a service that received something between {@code from} and {@code to} (both included). */
    Stream<ReleaseRecord> releases(ClientModel client, LocalDate from, LocalDate to);

    /** How many of the school's people logged in to each service on each day from {@code from} to {@code to} (both included). */
    List<ServiceUse> serviceUse(RealmModel realm, String school, LocalDate from, LocalDate to);

    /**
     * Something happened to the person that the services which know them must hear of: published as a
     * {@link PersonSignalEvent} in this session and transaction.
     */
    void signal(RealmModel realm, UserModel user, PersonSignal signal);

    /**
     * The pseudonyms this service knew for register records merged into the person's, while it still receives them
     * ({@link be.leerid.identifiers.FormerSubject}); usually none.
     */
    List<String> formerPseudonyms(ClientModel client, UserModel user);

    /**
     * The register found that {@code merged} is the same person as {@code survivor}, whose LeerID stays: every
     * service that knew {@code merged} (its release record) gets its former pseudonym beside the survivor's for
     * {@link be.leerid.identifiers.FormerSubject#MONTHS_KEPT} months and an identifier-changed signal; the merged
     * account's sessions end, its release record, former pseudonyms and identity provider links move to the survivor,
     * and it is deleted.
     *
     * @return the number of services that knew the merged account
     */
    int merge(RealmModel realm, UserModel survivor, UserModel merged, LocalDate day);
}
