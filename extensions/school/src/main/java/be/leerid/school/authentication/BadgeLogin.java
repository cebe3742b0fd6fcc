package be.leerid.school.authentication;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

import be.leerid.identifiers.LevelOfAssurance;
import be.leerid.identifiers.SchoolPlace;
import be.leerid.identifiers.ServiceAccess;
import be.leerid.identifiers.UserAttributes;
import be.leerid.identifiers.models.LeerIdProvider;
import be.leerid.school.BadgeCode;
import be.leerid.school.badges.AddressRanges;
import be.leerid.school.badges.BadgeSettings;
import be.leerid.school.credential.Badges;
import be.leerid.school.models.BadgeAttempts;
import jakarta.ws.rs.core.Response;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.browser.AbstractUsernameFormAuthenticator;
import org.keycloak.authentication.authenticators.util.AcrStore;
import org.keycloak.events.Errors;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * A young learner's way in with the QR badge the school printed: the camera (or a hand scanner, or the teacher
 * typing the code under the QR) gives the code; LeerID shows whose badge it is ("Ben jij Lotte?") before it goes
 * on, for shared classroom laptops. A badge login reaches the badge level only. Wrong, voided and unknown badges
 * all get one answer and count toward that badge's brute-force protection.
 */
final class BadgeLogin {

    /** The login page's button that opens the badge page. */
    static final String FIELD_START = "leerid_badge";
    static final String FIELD_CODE = "badge_code";
    static final String FIELD_YES = "leerid_badge_yes";
    static final String FIELD_NO = "leerid_badge_no";
    static final String TEMPLATE = "leerid-badge.ftl";
    static final String CONFIRM_TEMPLATE = "leerid-badge-confirm.ftl";
    static final String WRONG = "leeridBadgeWrong";
    static final String OUTSIDE = "leeridBadgeOutsideSchool";
    /** The account and badge a scanned code found, until the child says it is them. */
    private static final String PENDING = "leerid.badge.pending";
    /** Set when this login used a badge: the flow then records the badge level, not the password level. */
    static final String USED = "leerid.badge.used";

    private BadgeLogin() {
    }

    /** Whether the login page offers a badge: only where a badge is enough (no higher level asked, not a staff-only service). */
    static boolean offered(AuthenticationFlowContext context) {
        if (context.getUser() != null) {
            return false;
        }
        int requested = new AcrStore(context.getSession(), context.getAuthenticationSession())
                .getRequestedLevelOfAuthentication(context.getTopLevelFlow());
        return requested <= LevelOfAssurance.BADGE.level()
                && context.getSession().getProvider(LeerIdProvider.class).access(context.getAuthenticationSession().getClient()) != ServiceAccess.STAFF;
    }

    static Response page(AuthenticationFlowContext context, String error) {
        LoginFormsProvider form = context.form();
        if (error != null) {
            form.setError(error);
        }
        return form.setAttribute("badgeOutside", OUTSIDE.equals(error)).createForm(TEMPLATE);
    }

    /** A scanned or typed code: on a valid badge, the question whether it is theirs. */
    static void check(AuthenticationFlowContext context, String typed) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        // Keycloak counts a failure toward the account named here; a badge failure counts toward the badge instead.
        authSession.removeAuthNote(AbstractUsernameFormAuthenticator.ATTEMPTED_USERNAME);
        authSession.removeAuthNote(PENDING);
        Optional<BadgeCode> code = BadgeCode.read(typed);
        if (code.isEmpty()) {
            refuse(context, Errors.INVALID_USER_CREDENTIALS);
            return;
        }
        BadgeAttempts attempts = new BadgeAttempts(context.getSession(), context.getRealm());
        if (attempts.locked(code.get().id())) {
            refuse(context, Errors.USER_TEMPORARILY_DISABLED);
            return;
        }
        Optional<Badges.Holder> holder = new Badges(context.getSession(), context.getRealm()).holder(code.get())
                .filter(h -> h.user().isEnabled() && usesBadges(context, h));
        if (holder.isEmpty()) {
            attempts.failed(code.get().id());
            refuse(context, Errors.INVALID_USER_CREDENTIALS);
            return;
        }
        attempts.succeeded(code.get().id());
        UserModel user = holder.get().user();
        context.getEvent().user(user);
        AddressRanges networks = new BadgeSettings(context.getRealm(), holder.get().school()).networks();
        if (networks.restricts() && !remoteAddress(context).map(networks::allows).orElse(false)) {
            context.getEvent().error("leerid_badge_outside_school_network");
            context.forceChallenge(outsidePage(context));
            return;
        }
        authSession.setAuthNote(PENDING, user.getId() + " " + code.get().id());
        context.challenge(context.form().setAttribute("badgeGivenName", user.getFirstName() == null ? "" : user.getFirstName())
                .createForm(CONFIRM_TEMPLATE));
    }

    /** "Ja, ik ben Lotte": the badge is checked once more (it may have been voided meanwhile) and the login goes on. */
    static void confirm(AuthenticationFlowContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        String pending = authSession.getAuthNote(PENDING);
        authSession.removeAuthNote(PENDING);
        String[] parts = pending == null ? new String[0] : pending.split(" ");
        UserModel user = parts.length == 2 ? context.getSession().users().getUserById(context.getRealm(), parts[0]) : null;
        if (user == null || !user.isEnabled() || !parts[1].equals(user.getFirstAttribute(UserAttributes.BADGE))) {
            refuse(context, Errors.INVALID_USER_CREDENTIALS);
            return;
        }
        context.setUser(user);
        authSession.setUserSessionNote(Badges.SESSION_NOTE, parts[1]);
        authSession.setAuthNote(USED, "true");
        context.success();
    }

    /** "Niet jij?": back to the badge page, nobody chosen. */
    static void notMe(AuthenticationFlowContext context) {
        context.getAuthenticationSession().removeAuthNote(PENDING);
        context.challenge(page(context, null));
    }

    private static Response outsidePage(AuthenticationFlowContext context) {
        return context.form().setError(OUTSIDE).setAttribute("badgeOutside", true)
                .setStatus(Response.Status.FORBIDDEN).createForm(TEMPLATE);
    }

    private static void refuse(AuthenticationFlowContext context, String error) {
        context.getEvent().error(error);
        context.forceChallenge(page(context, WRONG));
    }

    /** The learner is still at the school that printed the badge, in a grade that uses badges there. */
    private static boolean usesBadges(AuthenticationFlowContext context, Badges.Holder holder) {
        Optional<SchoolPlace> place = context.getSession().getProvider(LeerIdProvider.class).person(holder.user()).places().stream()
                .filter(p -> p.school().equals(holder.school())).findFirst();
        return place.isPresent() && new BadgeSettings(context.getRealm(), holder.school()).grades().uses(place.get().grade());
    }

    private static Optional<InetAddress> remoteAddress(AuthenticationFlowContext context) {
        String address = context.getConnection().getRemoteAddr();
        // Keycloak gives the client's address as a literal (behind the proxy, from its headers); anything else is
        // refused rather than looked up.
        if (address == null || !address.matches("[0-9A-Fa-f:.]+")) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(address));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
