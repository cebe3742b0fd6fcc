package be.leerid.register.services.resources;

import be.leerid.identifiers.NationalRegisterNumber;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import be.leerid.identifiers.PseudonymDeriver;
import be.leerid.identifiers.LeerIds;
import be.leerid.identifiers.UserAttributes;
import be.leerid.identifiers.models.LeerIdProvider;
import be.leerid.identifiers.services.BackgroundRequest;
import be.leerid.register.DesiredAccount;
import be.leerid.register.DisableGuard;
import be.leerid.register.EnrolmentGrace;
import be.leerid.register.FeedHeader;
import be.leerid.register.FeedReader;
import be.leerid.register.RegisterRecord;
import be.leerid.register.Standing;
import be.leerid.register.SyncReport;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.services.resources.admin.AdminAuth;
import org.keycloak.services.resources.admin.AdminEventBuilder;

/**
 * Applies a validated feed to a realm in batches, each its own transaction, after the
 * mass-disable guard has agreed.
 */
final class RegisterSyncRun {

    /** Feed rows per batch: new accounts go in by JDBC batch (CreationLanes), changes by JDBC (AccountChanges). */
    static final int BATCH = 1000;
    /**
     * Leavers per transaction: those with a session or known to a service go through the user model, and every
     * query it makes first flushes Hibernate, which checks every account the transaction has loaded.
     */
    private static final int LEAVER_BATCH = 50;
    /**
     * The database's statistics are refreshed after this many new accounts, again at twice as many,
     * and so on: with statistics from an emptier table, every batch's username check scans it all.
     */
    private static final long ANALYZE_AFTER = 5_000;
    private long nextAnalyze = ANALYZE_AFTER;

    /** The guard refused: nothing was changed. */
    static final class Refused extends Exception {
        final long disables;
        final long accounts;

        Refused(long disables, long accounts) {
            super("the feed would disable " + disables + " of " + accounts + " accounts", null, false, false);
            this.disables = disables;
            this.accounts = accounts;
        }
    }

    private final KeycloakSessionFactory factory;
    private final String realmId;
    private final LocalDate today;
    private final EnrolmentGrace grace;
    /** The feed's request: leavers' services get back-channel logout tokens issued under its URI. */
    private final BackgroundRequest request;
    /** The register's account and client, named in the admin event that records the sync. */
    private final String callerId;
    private final String callerClientId;

    RegisterSyncRun(KeycloakSessionFactory factory, String realmId, LocalDate today, EnrolmentGrace grace, BackgroundRequest request,
                    String callerId, String callerClientId) {
        this.factory = factory;
        this.realmId = realmId;
        this.today = today;
        this.grace = grace;
        this.request = request;
        this.callerId = callerId;
        this.callerClientId = callerClientId;
    }

    /** Milliseconds per phase of the last run (summed over the creation lanes), for the server log. */
    private final Map<String, Long> phases = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>());

    String phases() {
        return phases.toString();
    }

    private long lap(String phase, long since) {
        long now = System.nanoTime();
        phases.merge(phase, (now - since) / 1_000_000, Long::sum);
        return now;
    }

    private Path spool;
    private FeedReader.Validation validation;
    private final Map<String, AccountDirectory.Account> accounts = new java.util.HashMap<>();
    private final List<String> absentees = new ArrayList<>();
    private PseudonymDeriver deriver;
    /** Survivor LeerID to the LeerIDs merged into it, where at least one of those has an account. */
    private final Map<String, List<String>> merges = new java.util.LinkedHashMap<>();

    /**
     * Reads the realm's accounts and applies the mass-disable guard; quick even for the full
     * registers. Nothing is changed.
     */
    void prepare(Path spool, FeedReader.Validation validation, DisableGuard guard, boolean force) throws Refused, IOException {
        this.spool = spool;
        this.validation = validation;
        long t = System.nanoTime();
        boolean full = validation.header().kind() == FeedHeader.Kind.FULL;
        long[] realmAccounts = {0};
        inRealm(session -> {
            RealmModel realm = session.getContext().getRealm();
            // A delta needs only the accounts its rows name (and replace), and the guard how many there are in all.
            accounts.putAll(full ? AccountDirectory.load(session, realm) : AccountDirectory.load(session, realm, validation.mentionedIds()));
            realmAccounts[0] = full ? accounts.size() : AccountDirectory.count(session, realm);
            deriver = session.getProvider(LeerIdProvider.class).deriver(realm);
        });
        t = lap("directory", t);
        boolean staffFeed = validation.header().register() == FeedHeader.Register.EDISON;
        if (full) {
            accounts.forEach((leerid, account) -> {
                if (account.enabled() && LeerIds.isStaff(leerid) == staffFeed && !validation.mentionedIds().contains(leerid)) {
                    absentees.add(account.userId());
                }
            });
        }
        long[] rowDisables = {0};
        try (InputStream in = Files.newInputStream(spool)) {
            FeedReader.forEachValid(in, validation, today, record -> {
                AccountDirectory.Account account = accounts.get(record.leerid());
                if (record.standingOn(today, grace) == Standing.LEFT && account != null && account.enabled()) {
                    rowDisables[0]++;
                }
            });
        }
        long disables = rowDisables[0] + absentees.size();
        if (!guard.allows(disables, realmAccounts[0], force)) {
            throw new Refused(disables, realmAccounts[0]);
        }
        lap("guard", t);
    }

    /** Applies the prepared feed; may take minutes for the full registers. */
    SyncReport apply() throws IOException {
        long t = System.nanoTime();
        Map<SyncOutcome, Long> outcomes = new ConcurrentHashMap<>();
        for (SyncOutcome o : SyncOutcome.values()) {
            outcomes.put(o, 0L);
        }
        List<DesiredAccount> batch = new ArrayList<>(BATCH);
        try (InputStream in = Files.newInputStream(spool);
             CreationLanes lanes = new CreationLanes(fresh -> create(fresh, outcomes))) {
            FeedReader.forEachValid(in, validation, today, record -> {
                batch.add(DesiredAccount.of(record, today, grace, nrn -> NationalRegisterNumber.hash(deriver, nrn)));
                if (record instanceof RegisterRecord.Learner learner && learner.replaces().stream().anyMatch(accounts::containsKey)) {
                    merges.put(learner.leerid(), learner.replaces());
                }
                if (batch.size() == BATCH) {
                    apply(batch, outcomes, lanes);
                }
            });
            apply(batch, outcomes, lanes);
            lanes.finish();
        }
        t = lap("rows", t);
        merge(outcomes);
        t = lap("merges", t);
        disable(absentees, outcomes);
        t = lap("absentees", t);
        if (outcomes.get(SyncOutcome.CREATED) >= ANALYZE_AFTER) {
            inRealm(AccountCreator::analyze);
            lap("analyze", t);
        }
        FeedHeader header = validation.header();
        SyncReport report = new SyncReport(header.register().name().toLowerCase(), header.kind().name().toLowerCase(), header.sequence(),
                validation.rows(), validation.validRows(), outcomes.get(SyncOutcome.CREATED),
                outcomes.get(SyncOutcome.UPDATED), outcomes.get(SyncOutcome.UNCHANGED),
                outcomes.get(SyncOutcome.DISABLED), outcomes.get(SyncOutcome.MERGED), validation.problems());
        inRealm(session -> record(session, report));
        return report;
    }

    /** The sync as an admin event, with its counts (never a name or an identifier), kept as long as the other events. */
    private void record(KeycloakSession session, SyncReport report) {
        RealmModel realm = session.getContext().getRealm();
        AdminAuth caller = new AdminAuth(realm, null, session.users().getUserById(realm, callerId), realm.getClientById(callerClientId));
        new AdminEventBuilder(realm, caller, session, session.getContext().getConnection())
                .operation(OperationType.ACTION).resource(ResourceType.REALM).resourcePath("register-sync", report.register())
                .detail("action", "register-sync").detail("register", report.register()).detail("kind", report.kind())
                .detail("rows", Long.toString(report.rows())).detail("created", Long.toString(report.created()))
                .detail("updated", Long.toString(report.updated())).detail("disabled", Long.toString(report.disabled()))
                .detail("merged", Long.toString(report.merged()))
                .detail("rejected", Long.toString(report.problems().size()))
                .success();
    }

    /**
     * Merges each replaced account that exists into its survivor (created or updated by now), one survivor per
     * transaction; a feed that repeats a merge finds the replaced account gone and changes nothing.
     */
    private void merge(Map<SyncOutcome, Long> outcomes) {
        merges.forEach((survivorId, replaced) -> inRealm(session -> {
            RealmModel realm = session.getContext().getRealm();
            UserModel survivor = session.users().searchForUserByUserAttributeStream(realm, UserAttributes.LEERID, survivorId)
                    .filter(user -> survivorId.equals(user.getFirstAttribute(UserAttributes.LEERID))).findFirst().orElse(null);
            if (survivor == null) {
                return;
            }
            LeerIdProvider leerid = session.getProvider(LeerIdProvider.class);
            for (String id : replaced) {
                AccountDirectory.Account account = accounts.get(id);
                UserModel merged = account == null ? null : session.users().getUserById(realm, account.userId());
                if (merged != null && !merged.getId().equals(survivor.getId())) {
                    leerid.merge(realm, survivor, merged, today);
                    outcomes.merge(SyncOutcome.MERGED, 1L, Long::sum);
                }
            }
        }));
    }

    /**
     * Disables leavers' accounts, {@value #LEAVER_BATCH} per transaction ({@link Leavers}).
     *
     * @return how many were enabled until now
     */
    private long disable(List<String> userIds, Map<SyncOutcome, Long> outcomes) {
        long[] disabled = {0};
        for (List<String> slice : InList.chunks(userIds, LEAVER_BATCH)) {
            inRealm(session -> disabled[0] += Leavers.disable(session, session.getContext().getRealm(), slice, today));
        }
        outcomes.merge(SyncOutcome.DISABLED, disabled[0], Long::sum);
        return disabled[0];
    }

    private void create(List<DesiredAccount> fresh, Map<SyncOutcome, Long> outcomes) {
        long t = System.nanoTime();
        long[] created = {0};
        inRealm(session -> created[0] = AccountCreator.create(session, session.getContext().getRealm(), deriver, fresh));
        // Counted once committed: a batch refused at commit and created again counts once.
        outcomes.merge(SyncOutcome.CREATED, created[0], Long::sum);
        lap("create", t);
    }

    private void apply(List<DesiredAccount> batch, Map<SyncOutcome, Long> outcomes, CreationLanes lanes) {
        if (batch.isEmpty()) {
            return;
        }
        List<DesiredAccount> fresh = new ArrayList<>();
        List<DesiredAccount> existing = new ArrayList<>();
        for (DesiredAccount desired : batch) {
            if (!accounts.containsKey(desired.leerid()) && desired.active()) {
                fresh.add(desired);
            } else {
                existing.add(desired);
            }
        }
        if (!fresh.isEmpty()) {
            lanes.submit(fresh);
        }
        long t = System.nanoTime();
        long created = outcomes.get(SyncOutcome.CREATED);
        if (created >= nextAnalyze) {
            inRealm(AccountCreator::analyze);
            nextAnalyze = created * 2;
            t = lap("analyze", t);
        }
        // Changes of active people in one transaction (AccountChanges); leavers a few dozen per transaction (Leavers).
        Map<String, DesiredAccount> changing = new java.util.LinkedHashMap<>();
        List<String> leaving = new ArrayList<>();
        for (DesiredAccount desired : existing) {
            AccountDirectory.Account account = accounts.get(desired.leerid());
            if (desired.active()) {
                changing.put(account.userId(), desired);
            } else if (account != null) {
                leaving.add(account.userId());
            } else {
                outcomes.merge(SyncOutcome.UNCHANGED, 1L, Long::sum);
            }
        }
        List<DesiredAccount> missing = new ArrayList<>();
        if (!changing.isEmpty()) {
            inRealm(session -> {
                AccountChanges.Applied applied = AccountChanges.apply(session, session.getContext().getRealm(), changing);
                outcomes.merge(SyncOutcome.UPDATED, applied.updated(), Long::sum);
                outcomes.merge(SyncOutcome.UNCHANGED, applied.unchanged(), Long::sum);
                missing.addAll(applied.missing());
            });
        }
        // A leaver's row about an account already disabled changes nothing.
        outcomes.merge(SyncOutcome.UNCHANGED, leaving.size() - disable(leaving, outcomes), Long::sum);
        // Deleted since the directory was read (retention, an operator): created again the one way accounts are.
        if (!missing.isEmpty()) {
            lanes.submit(missing);
        }
        lap("change", t);
        batch.clear();
    }

    private void inRealm(java.util.function.Consumer<KeycloakSession> work) {
        KeycloakModelUtils.runJobInTransaction(factory, session -> {
            RealmModel realm = session.realms().getRealm(realmId);
            session.getContext().setRealm(realm);
            request.attach(session);
            work.accept(session);
        });
    }

}
