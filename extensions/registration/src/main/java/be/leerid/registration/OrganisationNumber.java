package be.leerid.registration;

/** Belgian enterprise number (KBO/BCE): 10 digits, starting with 0 or 1, mod-97 check on the last two. */
final class OrganisationNumber {

    private OrganisationNumber() {
    }

    static boolean isValid(String digits) {
        if (digits == null || !digits.matches("[01][0-9]{9}")) {
            return false;
        }
        long base = Long.parseLong(digits.substring(0, 8));
        return 97 - (base % 97) == Integer.parseInt(digits.substring(8));
    }
}
