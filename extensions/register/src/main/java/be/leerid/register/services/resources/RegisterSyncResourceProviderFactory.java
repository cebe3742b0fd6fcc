package be.leerid.register.services.resources;

import java.time.Duration;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.List;

import be.leerid.register.DisableGuard;
import be.leerid.register.EnrolmentGrace;
import be.leerid.register.RetentionPolicy;
import be.leerid.register.models.SyncJobStore;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;
import org.keycloak.timer.TimerProvider;

/**
 * Registers {@code /realms/{realm}/register-sync}. Server option:
 * {@code --spi-realm-restapi-extension--register-sync--max-disable-share=0.05} and
 * {@code --spi-realm-restapi-extension--register-sync--retention-days=365},
 * {@code --spi-realm-restapi-extension--register-sync--grace-days=30} and
 * {@code --spi-realm-restapi-extension--register-sync--summer-grace-until=09-30}. Deletes leavers past
 * retention once a day.
 */
public final class RegisterSyncResourceProviderFactory implements RealmResourceProviderFactory {

    public static final String PROVIDER_ID = "register-sync";
    public static final String MAX_DISABLE_SHARE = "maxDisableShare";
    public static final String RETENTION_DAYS = "retentionDays";
    private static final long DAY_MILLIS = 24L * 60 * 60 * 1000;

    private DisableGuard guard = new DisableGuard(DisableGuard.DEFAULT_MAX_SHARE);
    public static final String GRACE_DAYS = "graceDays";
    public static final String SUMMER_GRACE_UNTIL = "summerGraceUntil";
    private EnrolmentGrace grace = EnrolmentGrace.DEFAULT;
    private LeaverRetention retention = new LeaverRetention(new RetentionPolicy(RetentionPolicy.DEFAULT_DAYS));
    private final SyncJobs jobs = new SyncJobs();
    /** Names this server process in the sync jobs' table (for operators; nothing depends on it). */
    private static final String NODE = nodeName();
    public static final String WAIT_SECONDS = "waitSeconds";
    /** A request waits this long for its sync's report before answering 202 with a job to poll. */
    private Duration wait = Duration.ofSeconds(60);

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        RegisterSyncResource resource = new RegisterSyncResource(session, guard, grace, retention, jobs,
                new SyncJobStore(session.getKeycloakSessionFactory(), NODE), wait);
        return new RealmResourceProvider() {
            @Override
            public Object getResource() {
                return resource;
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public void init(Config.Scope config) {
        String share = config.get(MAX_DISABLE_SHARE);
        try {
            guard = new DisableGuard(share == null ? DisableGuard.DEFAULT_MAX_SHARE : Double.parseDouble(share));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("LeerID: " + MAX_DISABLE_SHARE + " must be a number between 0 and 1, not " + share, e);
        }
        wait = Duration.ofSeconds(config.getInt(WAIT_SECONDS, 60));
        String until = config.get(SUMMER_GRACE_UNTIL, EnrolmentGrace.DEFAULT_SUMMER_UNTIL.toString().substring(2));
        try {
            grace = new EnrolmentGrace(config.getInt(GRACE_DAYS, EnrolmentGrace.DEFAULT_DAYS),
                    until.isBlank() ? null : MonthDay.parse("--" + until));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new IllegalStateException("LeerID: " + GRACE_DAYS + " must be 0 to 366 days and " + SUMMER_GRACE_UNTIL
                    + " a day as MM-DD (or empty), not " + until, e);
        }
        String days = config.get(RETENTION_DAYS);
        try {
            retention = new LeaverRetention(new RetentionPolicy(days == null ? RetentionPolicy.DEFAULT_DAYS : Integer.parseInt(days)));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("LeerID: " + RETENTION_DAYS + " must be a whole number of days, not " + days, e);
        }
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property().name(MAX_DISABLE_SHARE).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Largest share of all accounts (0 to 1) one register sync may disable without force=true.")
                .defaultValue(DisableGuard.DEFAULT_MAX_SHARE).add()
                .property().name(WAIT_SECONDS).type(ProviderConfigProperty.INTEGER_TYPE)
                .helpText("Seconds a feed request waits for its report; a longer sync answers 202 with a job to poll.")
                .defaultValue(60).add()
                .property().name(GRACE_DAYS).type(ProviderConfigProperty.INTEGER_TYPE)
                .helpText("Days a person whose last enrolment or assignment ended stays a member (no school) before "
                        + "they are a leaver.")
                .defaultValue(EnrolmentGrace.DEFAULT_DAYS).add()
                .property().name(SUMMER_GRACE_UNTIL).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("MM-DD: an enrolment or assignment whose last day is in June, July or August lasts as a "
                        + "membership until this day of that year (the summer between two schools). Empty: no summer rule.")
                .defaultValue("09-30").add()
                .property().name(RETENTION_DAYS).type(ProviderConfigProperty.INTEGER_TYPE)
                .helpText("Days an account stays, disabled, after its person left the register; then it is deleted.")
                .defaultValue(RetentionPolicy.DEFAULT_DAYS).add()
                .build();
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        try (KeycloakSession session = factory.create()) {
            session.getProvider(TimerProvider.class).scheduleTask(retention, DAY_MILLIS, LeaverRetention.TASK_NAME);
        }
    }

    @Override
    public void close() {
        jobs.close();
    }

    private static String nodeName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName() + "/" + ProcessHandle.current().pid();
        } catch (java.io.IOException e) {
            return "pid " + ProcessHandle.current().pid();
        }
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
