package be.leerid.school.badges;

import org.keycloak.models.RealmModel;

/**
 * One school's badge settings, as realm attributes {@code leerid.badges.<school>.grades} and
 * {@code leerid.badges.<school>.networks}: read from the realm Keycloak already caches, so a badge login costs
 * no query for them; written only when a coordinator changes them in the console.
 */
public final class BadgeSettings {

    private static final String PREFIX = "leerid.badges.";

    private final RealmModel realm;
    private final String school;

    public BadgeSettings(RealmModel realm, String school) {
        this.realm = realm;
        this.school = school;
    }

    public BadgeGrades grades() {
        return BadgeGrades.stored(realm.getAttribute(PREFIX + school + ".grades"));
    }

    public void grades(BadgeGrades grades) {
        realm.setAttribute(PREFIX + school + ".grades", grades.storable());
    }

    /** The networks; a stored value that no longer parses allows nowhere (a badge is refused, never let through). */
    public AddressRanges networks() {
        String stored = realm.getAttribute(PREFIX + school + ".networks");
        if (stored == null || stored.isBlank()) {
            return AddressRanges.ANYWHERE;
        }
        try {
            return AddressRanges.parse(stored);
        } catch (IllegalArgumentException e) {
            return AddressRanges.NOWHERE;
        }
    }

    /** The school got a new institution number: its settings go with it (the new number's own, if any, are replaced). */
    public void moveTo(String renumbered) {
        for (String setting : new String[] {".grades", ".networks"}) {
            String value = realm.getAttribute(PREFIX + school + setting);
            realm.removeAttribute(PREFIX + renumbered + setting);
            if (value != null) {
                realm.setAttribute(PREFIX + renumbered + setting, value);
                realm.removeAttribute(PREFIX + school + setting);
            }
        }
    }

    public void networks(AddressRanges ranges) {
        if (ranges.restricts()) {
            realm.setAttribute(PREFIX + school + ".networks", ranges.storable());
        } else {
            realm.removeAttribute(PREFIX + school + ".networks");
        }
    }
}
