package be.leerid.identifiers;

import java.util.regex.Pattern;

/** A school's institution number as the registers give it: 5 or 6 digits. */
public final class SchoolNumber {

    private static final Pattern FORMAT = Pattern.compile("\\d{5,6}");

    private SchoolNumber() {
    }

    public static boolean isValid(String number) {
        return number != null && FORMAT.matcher(number).matches();
    }
}
