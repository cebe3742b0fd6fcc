package be.leerid.identifiers;

import java.util.Locale;
import java.util.function.Predicate;

/**
 * Who may use a service, from its client attribute {@value #ATTRIBUTE}, set by the operator: {@code open} (every
 * learner and staff member, e.g. KlasCement), {@code staff} (school staff only, e.g. Het Archief voor Onderwijs)
 * or {@code school} (the people of the schools that activated it in the school console). A service without the
 * attribute is a {@code school} service: a new service reaches nobody until a school chooses it.
 */
public enum ServiceAccess {
    OPEN("open"),
    STAFF("staff"),
    SCHOOL("school");

    public static final String ATTRIBUTE = ClientAttributes.ACCESS;

    private final String value;

    ServiceAccess(String value) {
        this.value = value;
    }

    /** As the client attribute spells it. */
    public String value() {
        return value;
    }

    /** @throws IllegalArgumentException for a value other than empty, {@code open}, {@code staff} or {@code school} */
    public static ServiceAccess of(String attribute) {
        if (attribute == null || attribute.isBlank()) {
            return SCHOOL;
        }
        String wanted = attribute.trim().toLowerCase(Locale.ROOT);
        for (ServiceAccess access : values()) {
            if (access.value.equals(wanted)) {
                return access;
            }
        }
        throw new IllegalArgumentException("client attribute \"" + ATTRIBUTE + "\" must be \"open\", \"staff\" or \"school\", not \""
                + attribute + "\"");
    }

    /**
     * What the service may know of the person: for a {@code school} service, only the schools that activated it.
     *
     * @param activated whether a school activated this service (asked only for {@code school} services)
     * @throws SubjectUnavailableException with {@link SubjectUnavailableException.Reason#STAFF_ONLY} or
     *                                     {@link SubjectUnavailableException.Reason#NOT_ACTIVATED} if the service is not for this person
     */
    public PersonRecord release(PersonRecord person, Predicate<String> activated, String clientId) {
        return switch (this) {
            case OPEN -> person;
            case STAFF -> {
                if (!person.isStaff()) {
                    throw new SubjectUnavailableException(SubjectUnavailableException.Reason.STAFF_ONLY,
                            "client \"" + clientId + "\" is for school staff only and the user is not staff");
                }
                yield person;
            }
            case SCHOOL -> {
                PersonRecord atActivated = person.atSchools(activated);
                if (atActivated.schools().isEmpty()) {
                    throw new SubjectUnavailableException(SubjectUnavailableException.Reason.NOT_ACTIVATED,
                            "client \"" + clientId + "\" is not activated by any of the user's schools");
                }
                yield atActivated;
            }
        };
    }
}
