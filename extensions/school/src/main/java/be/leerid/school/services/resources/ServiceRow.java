package be.leerid.school.services.resources;

import java.util.List;

/**
 * A service schools choose, as the console lists it: what it receives ({@code claimKeys}, the theme's plain words
 * for each claim) and the day the school activated it (null while it has not).
 */
public record ServiceRow(String id, String name, List<String> claimKeys, String activatedOn) {

    public boolean activated() {
        return activatedOn != null;
    }
}
