package be.leerid.register;

/** Belgian national register number (rijksregisternummer) checks; the number itself is never kept. */
public final class NationalRegisterNumber {

    private NationalRegisterNumber() {
    }

    /** 11 digits whose last two are 97 minus the first nine mod 97 (prefix 2 for births from 2000). */
    public static boolean isValid(String number) {
        if (number == null || !number.matches("[0-9]{11}")) {
            return false;
        }
        long base = Long.parseLong(number.substring(0, 9));
        int check = Integer.parseInt(number.substring(9));
        return 97 - (base % 97) == check || 97 - ((2_000_000_000L + base) % 97) == check;
    }
}
