package be.leerid.school.letters;

import be.leerid.school.BadgeCode;

/** What one learner's badge card shows: first name and class (no photo, no family name), and the badge's code. */
public record BadgeCard(String givenName, String schoolClass, BadgeCode code) {

    @Override
    public String toString() {
        return "BadgeCard[hidden]";
    }
}
