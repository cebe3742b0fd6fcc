package be.leerid.school.services.resources;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;


import be.leerid.identifiers.BelgianDays;
import be.leerid.identifiers.ServiceUse;
import be.leerid.identifiers.UserAttributes;
import be.leerid.identifiers.models.LeerIdProvider;
import be.leerid.school.ActivationCode;
import be.leerid.school.ConsoleRight;
import be.leerid.school.HelpdeskGrant;
import be.leerid.school.ReferenceCode;
import be.leerid.school.SchoolCalendar;
import be.leerid.school.UsageWeek;
import be.leerid.school.authentication.PasswordOrActivationCodeForm;
import be.leerid.school.credential.ActivationCodes;
import be.leerid.school.letters.ActivationLetter;
import be.leerid.school.models.AccountState;
import be.leerid.school.models.ReferenceCodes;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.services.managers.BruteForceProtector;

/**
 * The school console at {@code /realms/{realm}/school/}: a school's ICT coordinator, school leader or
 * helpdesk finds the school's learners and staff, prints activation letters, resets and unlocks; coordinators
 * and leaders also choose the school's services. Every
 * request establishes the caller and their right at the school in the path afresh; an account of another
 * school is answered as if it did not exist, and nothing changes.
 */
public final class SchoolConsoleResource {

    private static final Logger LOG = Logger.getLogger(SchoolConsoleResource.class);
    private static final int PAGE = 50;
    /** The most letters one request prints: a whole large school. */
    private static final int MAX_LETTERS = 5000;

    private final KeycloakSession session;
    private final RealmModel realm;
    private final SchoolPeople people;
    private final LetterPrinter printer;

    SchoolConsoleResource(KeycloakSession session) {
        this.session = session;
        this.realm = session.getContext().getRealm();
        this.people = new SchoolPeople(session, realm);
        this.printer = new LetterPrinter(session, realm);
    }

    /**
     * The console's entrance, and the one address its login returns to (the client's redirect URIs are
     * exact): log in at eID level, then the school (or the choice of schools).
     */
    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response entrance(@QueryParam(OIDCLoginProtocol.CODE_PARAM) String code) {
        Optional<ConsoleCaller> caller = ConsoleCaller.of(session);
        if (caller.isEmpty()) {
            return Response.seeOther(ConsoleCaller.login(session, home())).build();
        }
        if (code != null) {
            // Back from the login: leave the code out of the address bar and the history.
            return Response.seeOther(home()).build();
        }
        List<String> schools = caller.get().schools();
        if (schools.size() == 1) {
            return Response.seeOther(schoolPage(schools.get(0))).build();
        }
        if (schools.isEmpty()) {
            return pages(caller.get()).noAccess();
        }
        return pages(caller.get()).schools(schools);
    }

    @GET
    @Path("{school}/")
    @Produces(MediaType.TEXT_HTML)
    public Response people(@PathParam("school") String school, @QueryParam("q") String text,
                           @QueryParam("class") String schoolClass, @QueryParam("grade") String grade,
                           @QueryParam("first") Integer first) {
        Optional<ConsoleCaller> caller = ConsoleCaller.of(session);
        if (caller.isEmpty()) {
            return Response.seeOther(ConsoleCaller.login(session, home())).build();
        }
        Optional<ConsoleRight> right = caller.get().rightAt(school);
        if (right.isEmpty()) {
            return pages(caller.get()).noAccess();
        }
        int from = first == null || first < 0 ? 0 : first;
        List<PersonRow> rows = session.getProvider(LeerIdProvider.class)
                .peopleOfSchool(realm, school, text, schoolClass, grade, from, PAGE + 1)
                .map(user -> people.row(caller.get(), user, school)).toList();
        return pages(caller.get()).people(school, right.get(), text, schoolClass, grade, from,
                rows.subList(0, Math.min(PAGE, rows.size())), rows.size() > PAGE);
    }

    /**
     * What a reference code from an error page stands for: the reason and the account, only if the account
     * is one of the school's people; any other code (unknown, expired, another school's) gets one answer.
     */
    @GET
    @Path("{school}/reference")
    @Produces(MediaType.TEXT_HTML)
    public Response reference(@PathParam("school") String school, @QueryParam("code") String typed) {
        Optional<ConsoleCaller> caller = ConsoleCaller.of(session);
        if (caller.isEmpty()) {
            return Response.seeOther(ConsoleCaller.login(session, home())).build();
        }
        if (caller.get().rightAt(school).isEmpty()) {
            return pages(caller.get()).noAccess();
        }
        Optional<ReferenceCode> code = ReferenceCode.read(typed);
        Optional<ReferenceCodes.Stop> stop = code.flatMap(c -> new ReferenceCodes(session).find(realm, c));
        Optional<UserModel> person = stop.map(s -> session.users().getUserById(realm, s.userId()))
                .filter(user -> session.getProvider(LeerIdProvider.class).schools(user).contains(school));
        if (person.isEmpty()) {
            return pages(caller.get()).unknownReference(school);
        }
        ClientModel client = stop.get().clientId().isEmpty() ? null : realm.getClientByClientId(stop.get().clientId());
        return pages(caller.get()).reference(school, code.get().printed(), stop.get().reasonKey(), people.row(caller.get(), person.get(), school),
                client == null ? stop.get().clientId() : Optional.ofNullable(client.getName()).orElse(client.getClientId()),
                Instant.ofEpochMilli(stop.get().time()).atZone(SchoolCalendar.ZONE).toLocalDateTime()
                        .withNano(0).toString().replace('T', ' '));
    }

    /** Letters for learners who have no password yet: of a class, a grade or the whole school. */
    @POST
    @Path("{school}/letters")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response letters(@PathParam("school") String school, @FormParam("form_token") String token,
                            @FormParam("class") String schoolClass, @FormParam("grade") String grade) {
        return act(school, token, ConsoleRight.HELPDESK, caller -> {
            List<UserModel> candidates = session.getProvider(LeerIdProvider.class)
                    .peopleOfSchool(realm, school, null, schoolClass, grade, 0, MAX_LETTERS)
                    .filter(user -> people.isLearner(user) && user.isEnabled())
                    .toList();
            Set<String> withPassword = AccountState.withPassword(session, candidates.stream().map(UserModel::getId).toList());
            List<UserModel> learners = candidates.stream().filter(user -> !withPassword.contains(user.getId())).toList();
            if (learners.isEmpty()) {
                return pages(caller).noLetters();
            }
            Map<String, ActivationCode> codes = new ActivationCodes(session, realm).issueAll(learners);
            List<ActivationLetter> letters = new ArrayList<>();
            ConsoleEvents events = new ConsoleEvents(session, realm, caller.user());
            for (UserModel learner : learners) {
                ActivationCode code = codes.get(learner.getId());
                if (code != null) {
                    letters.add(printer.letter(learner, code, school));
                    events.record(school, "activation-letter", learner.getId());
                }
            }
            LOG.infof("LeerID school console: %d activation letters printed for one school", letters.size());
            return printer.pdf(letters);
        });
    }

    /** A new letter for one learner: the old password, code and every session stop working at once. */
    @POST
    @Path("{school}/people/{id}/reset")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reset(@PathParam("school") String school, @PathParam("id") String id, @FormParam("form_token") String token) {
        return act(school, token, ConsoleRight.HELPDESK, caller -> {
            Optional<UserModel> learner = people.learnerOf(school, id).filter(UserModel::isEnabled);
            if (learner.isEmpty()) {
                return notFound(caller);
            }
            UserModel user = learner.get();
            ActivationCodes codes = new ActivationCodes(session, realm);
            codes.voidCodesAndPassword(user);
            session.getProvider(LeerIdProvider.class).endSessions(realm, user);
            ActivationCode code = codes.issue(user);
            new ConsoleEvents(session, realm, caller.user()).record(school, "reset", user.getId());
            return printer.pdf(List.of(printer.letter(user, code, school)));
        });
    }

    @POST
    @Path("{school}/people/{id}/unlock")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response unlock(@PathParam("school") String school, @PathParam("id") String id, @FormParam("form_token") String token) {
        return act(school, token, ConsoleRight.HELPDESK, caller -> {
            Optional<UserModel> learner = people.learnerOf(school, id);
            if (learner.isEmpty()) {
                return notFound(caller);
            }
            session.getProvider(BruteForceProtector.class).cleanUpPermanentLockout(session, realm, learner.get());
            session.loginFailures().removeUserLoginFailure(realm, learner.get().getId());
            new ConsoleEvents(session, realm, caller.user()).record(school, "unlock", learner.get().getId());
            return Response.seeOther(schoolPage(school)).build();
        });
    }

    /** Grants ({@code grant=true}) or withdraws the helpdesk right of another staff member of the school. */
    @POST
    @Path("{school}/people/{id}/helpdesk")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response helpdesk(@PathParam("school") String school, @PathParam("id") String id, @FormParam("form_token") String token,
                             @FormParam("grant") boolean grant) {
        return act(school, token, ConsoleRight.MANAGE, caller -> {
            UserModel staff = session.users().getUserById(realm, id);
            if (staff == null || staff.getId().equals(caller.user().getId()) || !staff.isEnabled() || !caller.isStaffAt(staff, school)) {
                return notFound(caller);
            }
            List<String> kept = staff.getAttributeStream(UserAttributes.SCHOOL_HELPDESK)
                    .filter(v -> HelpdeskGrant.parse(v).map(g -> !g.school().equals(school)).orElse(false))
                    .collect(Collectors.toCollection(ArrayList::new));
            if (grant) {
                kept.add(new HelpdeskGrant(school, caller.user().getId()).value());
            }
            if (kept.isEmpty()) {
                staff.removeAttribute(UserAttributes.SCHOOL_HELPDESK);
            } else {
                staff.setAttribute(UserAttributes.SCHOOL_HELPDESK, kept);
            }
            new ConsoleEvents(session, realm, caller.user()).record(school, grant ? "helpdesk-grant" : "helpdesk-withdraw", staff.getId());
            return Response.seeOther(schoolPage(school)).build();
        });
    }

    /** The services schools choose: what each receives, and whether this school uses it. Coordinators and leaders only. */
    @GET
    @Path("{school}/services")
    @Produces(MediaType.TEXT_HTML)
    public Response services(@PathParam("school") String school) {
        Optional<ConsoleCaller> caller = ConsoleCaller.of(session);
        if (caller.isEmpty()) {
            return Response.seeOther(ConsoleCaller.login(session, home())).build();
        }
        Optional<ConsoleRight> right = caller.get().rightAt(school);
        if (right.isEmpty() || !right.get().mayChooseServices()) {
            return pages(caller.get()).noAccess();
        }
        return pages(caller.get()).services(school, new SchoolServices(session, realm).list(school));
    }

    /**
     * How many of the school's people logged in to each service on each day of a week (no personal data): for everyone
     * with a right at the school.
     */
    @GET
    @Path("{school}/usage")
    @Produces(MediaType.TEXT_HTML)
    public Response usage(@PathParam("school") String school, @QueryParam("until") String until) {
        Optional<ConsoleCaller> caller = ConsoleCaller.of(session);
        if (caller.isEmpty()) {
            return Response.seeOther(ConsoleCaller.login(session, home())).build();
        }
        if (caller.get().rightAt(school).isEmpty()) {
            return pages(caller.get()).noAccess();
        }
        LocalDate today = BelgianDays.of(Time.currentTimeMillis());
        LocalDate last;
        try {
            last = UsageWeek.lastDay(until, today);
        } catch (IllegalArgumentException e) {
            LOG.warnf("LeerID school console refused a usage week: %s", e.getMessage());
            return pages(caller.get()).badUsageDay();
        }
        List<ServiceUse> use = session.getProvider(LeerIdProvider.class).serviceUse(realm, school, UsageWeek.firstDay(last), last);
        UsageWeek week = UsageWeek.of(last, use, id -> Optional.ofNullable(realm.getClientById(id)).map(SchoolServices::name).orElse(null));
        return pages(caller.get()).usage(school, week, last.isBefore(today) ? last.plusDays(UsageWeek.DAYS).toString() : null);
    }

    /**
     * Activates ({@code activate=true}) or deactivates a service for the school. Deactivation logs the school's
     * people out of it (back-channel logout) unless another of their schools uses it.
     */
    @POST
    @Path("{school}/services/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response chooseService(@PathParam("school") String school, @PathParam("id") String id, @FormParam("form_token") String token,
                                  @FormParam("activate") boolean activate) {
        return act(school, token, ConsoleRight.MANAGE, caller -> {
            SchoolServices services = new SchoolServices(session, realm);
            Optional<ClientModel> client = services.find(id);
            if (client.isEmpty()) {
                return notFound(caller);
            }
            boolean changed = activate ? services.activate(client.get(), school) : services.deactivate(client.get(), school) >= 0;
            if (changed) {
                new ConsoleEvents(session, realm, caller.user()).recordService(school, activate ? "service-activate" : "service-deactivate",
                        client.get().getId());
            }
            return Response.seeOther(UriBuilder.fromUri(schoolPage(school)).path("services").build()).build();
        });
    }

    /**
     * The address on an activation letter (its QR code): the LeerID login, opened at the activation form
     * with the username filled in. Public: it reveals nothing about whether the account exists.
     */
    @GET
    @Path("activate")
    public Response activate(@QueryParam("username") String username) {
        UriBuilder login = UriBuilder.fromUri(ConsoleCaller.login(session, activatedPage()))
                .replaceQueryParam(OIDCLoginProtocol.ACR_PARAM)
                .queryParam(PasswordOrActivationCodeForm.ACTIVATION_REQUEST_PARAM, "1")
                // A shared classroom laptop may still hold another child's session: the letter always asks.
                .queryParam(OIDCLoginProtocol.PROMPT_PARAM, OIDCLoginProtocol.PROMPT_VALUE_LOGIN);
        if (username != null && !username.isBlank() && username.length() <= 255) {
            login.queryParam(OIDCLoginProtocol.LOGIN_HINT_PARAM, username.strip());
        }
        return Response.seeOther(login.build()).build();
    }

    /** Where a learner lands after activating from a letter rather than from a service. */
    @GET
    @Path("activated")
    @Produces(MediaType.TEXT_HTML)
    public Response activated() {
        return new ConsolePages(session, null).activated();
    }

    /** The school's QR badges: settings, printing, voiding. */
    @Path("{school}/badges")
    public SchoolBadgesResource badges(@PathParam("school") String school) {
        return new SchoolBadgesResource(session, this, school);
    }

    interface Action {
        Response run(ConsoleCaller caller);
    }

    /** The checks every change passes, in this order, before anything is read or written. */
    Response act(String school, String token, ConsoleRight needed, Action action) {
        Optional<ConsoleCaller> caller = ConsoleCaller.of(session);
        if (caller.isEmpty()) {
            return new ConsolePages(session, null).forbidden();
        }
        if (!caller.get().acceptsFormToken(token)) {
            LOG.warn("LeerID school console refused a form without its token");
            return pages(caller.get()).forbidden();
        }
        Optional<ConsoleRight> right = caller.get().rightAt(school);
        if (right.isEmpty() || (needed == ConsoleRight.MANAGE && !right.get().mayDelegate())) {
            return pages(caller.get()).noAccess();
        }
        return action.run(caller.get());
    }

    private Response notFound(ConsoleCaller caller) {
        return pages(caller).notFound();
    }

    private ConsolePages pages(ConsoleCaller caller) {
        return new ConsolePages(session, caller);
    }

    URI home() {
        return UriBuilder.fromUri(session.getContext().getUri().getBaseUri()).path("realms/{realm}/school/").build(realm.getName());
    }

    URI schoolPage(String school) {
        return UriBuilder.fromUri(home()).path("{school}/").build(school);
    }

    private URI activatedPage() {
        return UriBuilder.fromUri(home()).path("activated").build();
    }
}
