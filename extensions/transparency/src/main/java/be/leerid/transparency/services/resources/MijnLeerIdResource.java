package be.leerid.transparency.services.resources;

import java.net.URI;
import java.util.Optional;

import be.leerid.identifiers.PersonSignal;
import be.leerid.identifiers.models.LeerIdProvider;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.services.util.LocaleUtil;

/**
 * "Mijn LeerID", the realm's account page at {@code /realms/{realm}/account/}: which services received what about
 * the person (from the release record, with today's values and the pseudonym each service knows), where they are
 * logged in, and "log out everywhere" (every session ended, every service with a back-channel logout endpoint told).
 * In the LeerID theme, Dutch first; the page works without JavaScript.
 */
public final class MijnLeerIdResource {

    private static final Logger LOG = Logger.getLogger(MijnLeerIdResource.class);

    private final KeycloakSession session;
    private final RealmModel realm;

    MijnLeerIdResource(KeycloakSession session) {
        this.session = session;
        this.realm = session.getContext().getRealm();
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page(@QueryParam(OIDCLoginProtocol.CODE_PARAM) String code) {
        Optional<MijnLeerIdCaller> caller = MijnLeerIdCaller.of(session);
        if (caller.isEmpty()) {
            return Response.seeOther(MijnLeerIdCaller.login(session, home())).build();
        }
        if (code != null) {
            // Back from the login: leave the code out of the address bar and the history.
            return Response.seeOther(home()).build();
        }
        MijnLeerIdReceipts receipts = new MijnLeerIdReceipts(session);
        return form(caller.get())
                .setAttribute("receipts", receipts.services(caller.get().user()))
                .setAttribute("loginSessions", receipts.sessions(caller.get().user(), caller.get().userSession()))
                .createForm("leerid-mijn.ftl");
    }

    /** "Overal afmelden": every session of the person ends, this one too, and services hear it. */
    @POST
    @Path("logout-all")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response logoutEverywhere(@FormParam("form_token") String formToken) {
        Optional<MijnLeerIdCaller> caller = MijnLeerIdCaller.of(session);
        if (caller.isEmpty()) {
            return Response.seeOther(MijnLeerIdCaller.login(session, home())).build();
        }
        if (!caller.get().acceptsFormToken(formToken)) {
            LOG.debug("LeerID Mijn LeerID: log out everywhere refused, the form token does not match the session");
            return message(caller.get(), "leeridMijnFormExpired", Response.Status.FORBIDDEN);
        }
        LeerIdProvider leerid = session.getProvider(LeerIdProvider.class);
        leerid.signal(realm, caller.get().user(), PersonSignal.SESSIONS_REVOKED);
        leerid.endSessions(realm, caller.get().user());
        new EventBuilder(realm, session, session.getContext().getConnection()).event(EventType.LOGOUT)
                .user(caller.get().user()).detail("action", "logout-everywhere").success();
        return message(null, "leeridMijnLoggedOutEverywhere", Response.Status.OK);
    }

    private Response message(MijnLeerIdCaller caller, String key, Response.Status status) {
        return form(caller).setAttribute("messageKey", key).setStatus(status).createForm("leerid-mijn-message.ftl");
    }

    private LoginFormsProvider form(MijnLeerIdCaller caller) {
        // The language menu links to ?kc_locale=..., as on Keycloak's own pages (and remembers it in a cookie).
        LocaleUtil.processLocaleParam(session, realm, null);
        LoginFormsProvider form = session.getProvider(LoginFormsProvider.class);
        if (caller != null) {
            form.setUser(caller.user()).setAttribute("formToken", caller.formToken())
                    .setAttribute("givenName", caller.user().getFirstName() == null ? "" : caller.user().getFirstName());
        }
        return form.setAttribute("mijnUrl", home().toString());
    }

    private URI home() {
        return session.getContext().getUri().getBaseUriBuilder().path("realms/{realm}/account/").build(realm.getName());
    }
}
