package be.leerid.identifiers.models.jpa;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** One row of the release record: a person and a service (see {@link be.leerid.identifiers.ReleaseRecord}). */
@Entity
@Table(name = "LEERID_RELEASE")
@IdClass(ReleaseEntity.Key.class)
public class ReleaseEntity {

    @Id
    @Column(name = "USER_ID", length = 36)
    private String userId;

    @Id
    @Column(name = "CLIENT_ID", length = 36)
    private String clientId;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "FIRST_DAY", nullable = false)
    private LocalDate firstDay;

    @Column(name = "LAST_DAY", nullable = false)
    private LocalDate lastDay;

    @Column(name = "CLAIMS", length = 1024, nullable = false)
    private String claims;

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getRealmId() {
        return realmId;
    }

    public void setRealmId(String realmId) {
        this.realmId = realmId;
    }

    public LocalDate getFirstDay() {
        return firstDay;
    }

    public void setFirstDay(LocalDate firstDay) {
        this.firstDay = firstDay;
    }

    public LocalDate getLastDay() {
        return lastDay;
    }

    public void setLastDay(LocalDate lastDay) {
        this.lastDay = lastDay;
    }

    public String getClaims() {
        return claims;
    }

    public void setClaims(String claims) {
        this.claims = claims;
    }

    /** The primary key: person and service. */
    public static class Key implements Serializable {

        private String userId;
        private String clientId;

        public Key() {
        }

        public Key(String userId, String clientId) {
            this.userId = userId;
            this.clientId = clientId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(userId, k.userId) && Objects.equals(clientId, k.clientId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(userId, clientId);
        }
    }
}
