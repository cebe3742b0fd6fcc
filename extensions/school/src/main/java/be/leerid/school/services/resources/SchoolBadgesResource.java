package be.leerid.school.services.resources;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import be.leerid.identifiers.SchoolPlace;
import be.leerid.identifiers.models.LeerIdProvider;
import be.leerid.school.BadgeCode;
import be.leerid.school.ConsoleRight;
import be.leerid.school.badges.AddressRanges;
import be.leerid.school.badges.BadgeGrades;
import be.leerid.school.badges.BadgeSettings;
import be.leerid.school.credential.Badges;
import be.leerid.school.letters.BadgeCard;
import be.leerid.school.letters.BadgeCards;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * A school's QR badges in the console, at {@code /realms/{realm}/school/{school}/badges}: which grades use them and
 * from which networks (coordinators and leaders), printing them for a learner, a class or a grade, and voiding a lost
 * one (the helpdesk too). Every request passes the console's checks for the school in its path.
 */
public final class SchoolBadgesResource {

    private static final Logger LOG = Logger.getLogger(SchoolBadgesResource.class);
    /** The most badges one request prints: a whole large primary school. */
    private static final int MAX_BADGES = 3000;

    private final KeycloakSession session;
    private final RealmModel realm;
    private final SchoolConsoleResource console;
    private final String school;

    SchoolBadgesResource(KeycloakSession session, SchoolConsoleResource console, String school) {
        this.session = session;
        this.realm = session.getContext().getRealm();
        this.console = console;
        this.school = school;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page() {
        Optional<ConsoleCaller> caller = ConsoleCaller.of(session);
        if (caller.isEmpty()) {
            return Response.seeOther(ConsoleCaller.login(session, console.home())).build();
        }
        Optional<ConsoleRight> right = caller.get().rightAt(school);
        if (right.isEmpty()) {
            return new ConsolePages(session, caller.get()).noAccess();
        }
        BadgeSettings settings = new BadgeSettings(realm, school);
        return new ConsolePages(session, caller.get()).badges(school, right.get().mayDelegate(),
                String.join(", ", settings.grades().grades().stream().sorted().toList()), settings.networks().storable(), -1);
    }

    /** Which grades use badges and from which networks; a range that does not parse changes nothing and says which line. */
    @POST
    @Path("settings")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response settings(@FormParam("form_token") String token, @FormParam("grades") String grades,
                             @FormParam("networks") String networks) {
        return console.act(school, token, ConsoleRight.MANAGE, caller -> {
            AddressRanges ranges;
            try {
                ranges = AddressRanges.parse(networks);
            } catch (AddressRanges.BadRange e) {
                LOG.infof("LeerID school console: badge networks refused (%s)", e.getMessage());
                return settingsRefused(caller, grades, networks, e.line());
            }
            if (grades != null && grades.length() > 500) {
                return settingsRefused(caller, "", networks, 0);
            }
            BadgeSettings settings = new BadgeSettings(realm, school);
            settings.grades(BadgeGrades.of(grades == null ? List.of() : Arrays.asList(grades.split("[,;\\s]+"))));
            settings.networks(ranges);
            new ConsoleEvents(session, realm, caller.user()).recordSchool(school, "badge-settings");
            return Response.seeOther(UriBuilder.fromUri(console.schoolPage(school)).path("badges").build()).build();
        });
    }

    /** New badges for the learners of a class or a grade (or the whole school) in grades that use badges; earlier badges stop. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response print(@FormParam("form_token") String token, @FormParam("class") String schoolClass, @FormParam("grade") String grade) {
        return console.act(school, token, ConsoleRight.HELPDESK, caller -> {
            BadgeGrades grades = new BadgeSettings(realm, school).grades();
            SchoolPeople people = new SchoolPeople(session, realm);
            List<UserModel> learners = session.getProvider(LeerIdProvider.class)
                    .peopleOfSchool(realm, school, null, blankToNull(schoolClass), blankToNull(grade), 0, MAX_BADGES)
                    .filter(user -> user.isEnabled() && people.isLearner(user) && grades.uses(gradeAt(user)))
                    .toList();
            if (learners.isEmpty()) {
                return new ConsolePages(session, caller).noBadges();
            }
            return cards(caller, learners);
        });
    }

    /** A new badge for one learner (a lost one, or the first): the old one stops at once, with its sessions. */
    @POST
    @Path("people/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response printOne(@PathParam("id") String id, @FormParam("form_token") String token) {
        return console.act(school, token, ConsoleRight.HELPDESK, caller -> {
            BadgeGrades grades = new BadgeSettings(realm, school).grades();
            Optional<UserModel> learner = new SchoolPeople(session, realm).learnerOf(school, id)
                    .filter(UserModel::isEnabled).filter(user -> grades.uses(gradeAt(user)));
            if (learner.isEmpty()) {
                return new ConsolePages(session, caller).notFound();
            }
            return cards(caller, List.of(learner.get()));
        });
    }

    /** Voids a lost badge: it stops at once and the sessions it opened end; the next print gives a new one. */
    @POST
    @Path("people/{id}/void")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response voidBadge(@PathParam("id") String id, @FormParam("form_token") String token) {
        return console.act(school, token, ConsoleRight.HELPDESK, caller -> {
            Optional<UserModel> learner = new SchoolPeople(session, realm).learnerOf(school, id);
            if (learner.isEmpty()) {
                return new ConsolePages(session, caller).notFound();
            }
            if (new Badges(session, realm).voidBadge(learner.get())) {
                new ConsoleEvents(session, realm, caller.user()).record(school, "badge-void", learner.get().getId());
            }
            return Response.seeOther(console.schoolPage(school)).build();
        });
    }

    private Response cards(ConsoleCaller caller, List<UserModel> learners) {
        Map<String, BadgeCode> codes = AccountBatches.apply(session, learners.stream().map(UserModel::getId).toList(),
                (job, jobRealm, learner) -> new Badges(job, jobRealm).issue(learner, school));
        ConsoleEvents events = new ConsoleEvents(session, realm, caller.user());
        List<BadgeCard> cards = new ArrayList<>();
        for (UserModel learner : learners) {
            BadgeCode code = codes.get(learner.getId());
            if (code != null) {
                cards.add(new BadgeCard(learner.getFirstName(), classAt(learner), code));
                events.record(school, "badge-print", learner.getId());
            }
        }
        LOG.infof("LeerID school console: %d badges printed for one school", cards.size());
        return LetterPrinter.download(BadgeCards.render(cards, new LetterPrinter(session, realm).wording()), "leerid-badges.pdf");
    }

    /** The settings page again with what was typed and the problem: {@code line} of the networks, or 0 for the grades. */
    private Response settingsRefused(ConsoleCaller caller, String grades, String networks, int line) {
        return new ConsolePages(session, caller).badges(school, true, grades == null ? "" : grades, networks == null ? "" : networks, line);
    }

    private Optional<SchoolPlace> placeAt(UserModel learner) {
        return session.getProvider(LeerIdProvider.class).person(learner).places().stream().filter(p -> p.school().equals(school)).findFirst();
    }

    private String gradeAt(UserModel learner) {
        return placeAt(learner).map(SchoolPlace::grade).orElse(null);
    }

    private String classAt(UserModel learner) {
        return placeAt(learner).map(SchoolPlace::schoolClass).orElse(null);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
