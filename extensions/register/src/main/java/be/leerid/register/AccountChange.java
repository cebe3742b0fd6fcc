package be.leerid.register;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import be.leerid.identifiers.UserAttributes;

/**
 * What must change on an existing account so that it matches an active person's register row:
 * its names, whether it is enabled again, and which register attributes get new values or go. Only
 * {@link UserAttributes#FROM_FEED_ROW} is compared; whatever else the account holds is left alone, except
 * {@link UserAttributes#LEFT_ON}, which goes when the account is enabled again.
 *
 * @param enable   the account is disabled and must be enabled again
 * @param rename   its given or family name differs from the register's
 * @param replaced attributes whose stored values are replaced by these (all of an attribute's values at once)
 * @param removed  attributes whose stored values go and get none
 */
public record AccountChange(boolean enable, boolean rename, Map<String, List<String>> replaced, Set<String> removed) {

    /** An account as stored: what {@link #between} compares with the register. */
    public record Stored(boolean enabled, String givenName, String familyName, Map<String, List<String>> attributes) {
    }

    /** @return the change that makes {@code stored} match {@code desired}, an active person's row; may be empty ({@link #isNone}) */
    public static AccountChange between(Stored stored, DesiredAccount desired) {
        if (!desired.active()) {
            throw new IllegalArgumentException("a leaver's account is disabled, not changed");
        }
        boolean enable = !stored.enabled();
        Map<String, List<String>> replaced = new LinkedHashMap<>();
        Set<String> removed = new LinkedHashSet<>();
        for (String name : UserAttributes.FROM_FEED_ROW) {
            List<String> want = desired.attributes().get(name);
            List<String> have = stored.attributes().getOrDefault(name, List.of());
            if (want == null && !have.isEmpty()) {
                removed.add(name);
            } else if (want != null && !(want.size() == have.size() && new HashSet<>(want).equals(new HashSet<>(have)))) {
                replaced.put(name, want);
            }
        }
        if (enable && stored.attributes().containsKey(UserAttributes.LEFT_ON)) {
            removed.add(UserAttributes.LEFT_ON);
        }
        boolean rename = !Objects.equals(stored.givenName(), desired.givenName())
                || !Objects.equals(stored.familyName(), desired.familyName());
        return new AccountChange(enable, rename, Map.copyOf(replaced), Set.copyOf(removed));
    }

    public boolean isNone() {
        return !enable && !rename && replaced.isEmpty() && removed.isEmpty();
    }
}
