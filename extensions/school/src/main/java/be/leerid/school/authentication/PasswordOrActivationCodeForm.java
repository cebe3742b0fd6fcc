package be.leerid.school.authentication;

import java.util.Optional;

import be.leerid.identifiers.LevelOfAssurance;
import be.leerid.identifiers.SubjectUnavailableException;
import be.leerid.school.ActivationCode;
import be.leerid.school.credential.ActivationCodes;
import be.leerid.school.models.UnknownNameAttempts;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowCallback;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.authenticators.browser.UsernamePasswordForm;
import org.keycloak.authentication.authenticators.util.AcrStore;
import org.keycloak.authentication.authenticators.util.AuthenticatorUtils;
import org.keycloak.events.Errors;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.protocol.oidc.endpoints.AuthorizationEndpoint;
import org.keycloak.services.managers.AuthenticationManager;

/**
 * Keycloak's username and password form, plus a learner's first way in: username and the one-time code
 * from the activation letter, after which the learner chooses a password (Keycloak's update-password
 * step, under the realm's password policy) and goes on to the service that sent them. A wrong code counts
 * toward brute-force protection like a wrong password; an unknown username and a wrong, used, expired or
 * voided code get the same answer. Once the failures pass the realm's threshold, every username, with an
 * account or without ({@link UnknownNameAttempts}), gets "too many attempts" instead, so that answer says
 * nothing about which names exist either. Where a badge is enough, the page also offers a
 * young learner's QR badge ({@link BadgeLogin}); the level the login reaches follows the way in that was used.
 */
public final class PasswordOrActivationCodeForm extends UsernamePasswordForm implements AuthenticationFlowCallback {

    /** An authorization request parameter that opens the activation form at once (the letter's QR code). */
    public static final String ACTIVATION_REQUEST_PARAM = "leerid_activation";
    /** The login page's button that opens the activation form. */
    public static final String FIELD_START = "leerid_activate";
    /** The activation form's button back to the password form. */
    public static final String FIELD_BACK = "leerid_password";
    public static final String FIELD_CODE = "activation_code";
    public static final String TEMPLATE = "leerid-activate.ftl";
    static final String WRONG = "leeridActivationWrong";
    /** "Too many attempts: wait, or ask the school", for any username once its failures pass the threshold. */
    static final String TOO_MANY = "leeridTooManyAttempts";
    private static final Logger LOG = Logger.getLogger(PasswordOrActivationCodeForm.class);

    public PasswordOrActivationCodeForm(KeycloakSession session) {
        super(session);
    }

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        String fromLetter = context.getAuthenticationSession()
                .getClientNote(AuthorizationEndpoint.LOGIN_SESSION_NOTE_ADDITIONAL_REQ_PARAMS_PREFIX + ACTIVATION_REQUEST_PARAM);
        if (context.getUser() == null && fromLetter != null) {
            String hint = context.getAuthenticationSession().getClientNote(OIDCLoginProtocol.LOGIN_HINT_PARAM);
            context.challenge(activationForm(context, hint, null));
            return;
        }
        super.authenticate(context);
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        if (BadgeLogin.offered(context) && badgeAction(context, form)) {
            return;
        }
        if (context.getUser() == null && form.containsKey(FIELD_START)) {
            context.challenge(activationForm(context, form.getFirst(AuthenticationManager.FORM_USERNAME), null));
        } else if (form.containsKey(FIELD_BACK)) {
            context.challenge(context.form().setAttribute("leeridBadgeLogin", BadgeLogin.offered(context)).createLoginUsernamePassword());
        } else if (context.getUser() == null && form.containsKey(FIELD_CODE)) {
            try {
                activate(context, form);
            } catch (SubjectUnavailableException e) {
                // Codes are keyed hashes: without the realm's vault key none can be checked.
                LOG.errorf("LeerID activation impossible in realm %s: %s", context.getRealm().getName(), e.getMessage());
                context.failure(AuthenticationFlowError.INTERNAL_ERROR,
                        context.form().setError("leeridServiceUnavailable").createErrorPage(Response.Status.SERVICE_UNAVAILABLE));
            }
        } else {
            super.action(context);
        }
    }

    /** The badge page's own buttons and field; false if the form is not about a badge. */
    private static boolean badgeAction(AuthenticationFlowContext context, MultivaluedMap<String, String> form) {
        if (form.containsKey(BadgeLogin.FIELD_START)) {
            context.challenge(BadgeLogin.page(context, null));
        } else if (form.containsKey(BadgeLogin.FIELD_YES)) {
            BadgeLogin.confirm(context);
        } else if (form.containsKey(BadgeLogin.FIELD_NO)) {
            BadgeLogin.notMe(context);
        } else if (form.containsKey(BadgeLogin.FIELD_CODE)) {
            BadgeLogin.check(context, form.getFirst(BadgeLogin.FIELD_CODE));
        } else {
            return false;
        }
        return true;
    }

    @Override
    protected Response challenge(AuthenticationFlowContext context, MultivaluedMap<String, String> formData) {
        context.form().setAttribute("leeridBadgeLogin", BadgeLogin.offered(context));
        return super.challenge(context, formData);
    }

    @Override
    protected Response challenge(AuthenticationFlowContext context, String error, String field) {
        context.form().setAttribute("leeridBadgeLogin", BadgeLogin.offered(context));
        return super.challenge(context, error, field);
    }

    /** An account that brute-force protection holds back: "too many attempts", as for a name without an account. */
    @Override
    protected String disabledByBruteForceError(String error) {
        return TOO_MANY;
    }

    /**
     * A typed username without an account: counted like an account's failures, and once they pass the threshold
     * answered like a locked account. Keycloak's own form leaves unknown names uncounted.
     */
    @Override
    public void testInvalidUser(AuthenticationFlowContext context, UserModel user) {
        String typed = context.getAuthenticationSession().getAuthNote(ATTEMPTED_USERNAME);
        if (user != null || typed == null || isUserAlreadySetBeforeUsernamePasswordAuth(context)) {
            super.testInvalidUser(context, user);
            return;
        }
        UnknownNameAttempts attempts = new UnknownNameAttempts(context.getSession(), context.getRealm());
        if (attempts.locked(typed)) {
            AuthenticatorUtils.dummyHash(context);
            context.getEvent().error(Errors.USER_NOT_FOUND);
            context.forceChallenge(challenge(context, TOO_MANY, disabledByBruteForceFieldError()));
            return;
        }
        attempts.failed(typed);
        super.testInvalidUser(context, user);
    }

    /**
     * After the level-of-authentication condition of this form's subflow recorded that subflow's level: a badge
     * reaches the badge level only, a password (or an activation code and a new password) the password level,
     * whichever subflow showed the form.
     */
    @Override
    public void onParentFlowSuccess(AuthenticationFlowContext context) {
        boolean badge = context.getAuthenticationSession().getAuthNote(BadgeLogin.USED) != null;
        int reached = badge ? LevelOfAssurance.BADGE.level() : LevelOfAssurance.PASSWORD.level();
        AcrStore acr = new AcrStore(context.getSession(), context.getAuthenticationSession());
        for (int level = LevelOfAssurance.BADGE.level(); level <= reached; level++) {
            acr.setLevelAuthenticated(level);
        }
    }

    private void activate(AuthenticationFlowContext context, MultivaluedMap<String, String> form) {
        String username = Optional.ofNullable(form.getFirst(AuthenticationManager.FORM_USERNAME)).orElse("").strip();
        Optional<ActivationCode> code = ActivationCode.read(form.getFirst(FIELD_CODE));
        ActivationCodes codes = new ActivationCodes(context.getSession(), context.getRealm());
        // Brute-force protection finds the account by this note, exactly as for a wrong password.
        context.getAuthenticationSession().setAuthNote(ATTEMPTED_USERNAME, username);
        UserModel user = username.isEmpty() ? null : find(context, username);
        if (user == null) {
            code.ifPresent(c -> codes.hashForTiming(username, c));
            context.getEvent().error(Errors.USER_NOT_FOUND);
            UnknownNameAttempts attempts = new UnknownNameAttempts(context.getSession(), context.getRealm());
            if (attempts.locked(username)) {
                context.forceChallenge(activationForm(context, username, TOO_MANY));
            } else {
                attempts.failed(username);
                context.failureChallenge(AuthenticationFlowError.INVALID_USER, activationForm(context, username, WRONG));
            }
            return;
        }
        context.getEvent().user(user);
        if (AuthenticatorUtils.getDisabledByBruteForceEventError(context, user) != null) {
            context.getEvent().error(Errors.USER_TEMPORARILY_DISABLED);
            context.forceChallenge(activationForm(context, username, TOO_MANY));
            return;
        }
        if (!user.isEnabled() || code.isEmpty() || !codes.redeem(user, code.get())) {
            context.getEvent().error(Errors.INVALID_USER_CREDENTIALS);
            context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS, activationForm(context, username, WRONG));
            return;
        }
        context.setUser(user);
        context.getAuthenticationSession().addRequiredAction(UserModel.RequiredAction.UPDATE_PASSWORD);
        context.success();
    }

    private static UserModel find(AuthenticationFlowContext context, String username) {
        try {
            return KeycloakModelUtils.findUserByNameOrEmail(context.getSession(), context.getRealm(), username);
        } catch (ModelDuplicateException e) {
            return null;
        }
    }

    private static Response activationForm(AuthenticationFlowContext context, String username, String error) {
        LoginFormsProvider form = context.form().setAttribute("activationUsername", username == null ? "" : username);
        if (error != null) {
            form.setError(error);
        }
        return form.createForm(TEMPLATE);
    }
}
