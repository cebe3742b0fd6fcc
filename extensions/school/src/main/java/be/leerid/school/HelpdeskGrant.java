package be.leerid.school;

import java.util.Optional;

/**
 * A helpdesk right at a school, as stored on the delegate's account:
 * {@code <school>/<user id of the coordinator who granted it>}.
 */
public record HelpdeskGrant(String school, String grantedBy) {

    public String value() {
        return school + "/" + grantedBy;
    }

    public static Optional<HelpdeskGrant> parse(String value) {
        int slash = value == null ? -1 : value.indexOf('/');
        if (slash <= 0 || slash == value.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(new HelpdeskGrant(value.substring(0, slash), value.substring(slash + 1)));
    }
}
