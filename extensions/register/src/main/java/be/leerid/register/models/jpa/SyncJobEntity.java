package be.leerid.register.models.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A register sync, as every node of a cluster sees it (see {@link be.leerid.register.models.SyncJobStore}). While it
 * runs, {@code runningKey} is {@code <realm id>/<register>}: a unique column, so a second sync of the same register
 * cannot start anywhere in the cluster.
 */
@Entity
@Table(name = "LEERID_SYNC_JOB")
public class SyncJobEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "REGISTER", length = 16, nullable = false)
    private String register;

    @Column(name = "STATUS", length = 16, nullable = false)
    private String status;

    @Column(name = "RUNNING_KEY", length = 64)
    private String runningKey;

    @Column(name = "NODE", length = 255, nullable = false)
    private String node;

    @Column(name = "STARTED", nullable = false)
    private long started;

    @Column(name = "HEARTBEAT", nullable = false)
    private long heartbeat;

    @Column(name = "ENDED")
    private Long ended;

    /** The report as JSON (counts and rejected rows' line numbers and reasons; never a name or identifier). */
    @Column(name = "REPORT")
    private String report;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getRealmId() {
        return realmId;
    }

    public void setRealmId(String realmId) {
        this.realmId = realmId;
    }

    public String getRegister() {
        return register;
    }

    public void setRegister(String register) {
        this.register = register;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getRunningKey() {
        return runningKey;
    }

    public void setRunningKey(String runningKey) {
        this.runningKey = runningKey;
    }

    public String getNode() {
        return node;
    }

    public void setNode(String node) {
        this.node = node;
    }

    public long getStarted() {
        return started;
    }

    public void setStarted(long started) {
        this.started = started;
    }

    public long getHeartbeat() {
        return heartbeat;
    }

    public void setHeartbeat(long heartbeat) {
        this.heartbeat = heartbeat;
    }

    public Long getEnded() {
        return ended;
    }

    public void setEnded(Long ended) {
        this.ended = ended;
    }

    public String getReport() {
        return report;
    }

    public void setReport(String report) {
        this.report = report;
    }
}
