package be.leerid.identifiers.models.jpa;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** One day's count of a school's people at a service (see {@link be.leerid.identifiers.ServiceUse}). */
@Entity
@Table(name = "LEERID_SCHOOL_USE")
@IdClass(SchoolUseEntity.Key.class)
public class SchoolUseEntity {

    @Id
    @Column(name = "CLIENT_ID", length = 36)
    private String clientId;

    @Id
    @Column(name = "SCHOOL", length = 36)
    private String school;

    @Id
    @Column(name = "USE_DAY")
    private LocalDate day;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "PEOPLE", nullable = false)
    private int people;

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getSchool() {
        return school;
    }

    public void setSchool(String school) {
        this.school = school;
    }

    public LocalDate getDay() {
        return day;
    }

    public void setDay(LocalDate day) {
        this.day = day;
    }

    public String getRealmId() {
        return realmId;
    }

    public void setRealmId(String realmId) {
        this.realmId = realmId;
    }

    public int getPeople() {
        return people;
    }

    public void setPeople(int people) {
        this.people = people;
    }

    /** The primary key: service, school and day. */
    public static class Key implements Serializable {

        private String clientId;
        private String school;
        private LocalDate day;

        public Key() {
        }

        public Key(String clientId, String school, LocalDate day) {
            this.clientId = clientId;
            this.school = school;
            this.day = day;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(clientId, k.clientId) && Objects.equals(school, k.school) && Objects.equals(day, k.day);
        }

        @Override
        public int hashCode() {
            return Objects.hash(clientId, school, day);
        }
    }
}
