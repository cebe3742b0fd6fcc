package be.leerid.identifiers;

/**
 * Belgian national register number (rijksregisternummer): its check, and the keyed hash under which
 * LeerID knows it. The number itself is never stored or logged; the register sync stores the hash on a
 * staff account and the eID login looks the account up by it.
 */
public final class NationalRegisterNumber {

    /** Domain separation: this HMAC input can never collide with a client's sector (a host name). */
    public static final String HASH_SECTOR = "#national-register-number";

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

    /** The keyed hash of a valid number, with the realm's pseudonym key. */
    public static String hash(PseudonymDeriver deriver, String number) {
        if (!isValid(number)) {
            throw new IllegalArgumentException("not a valid national register number");
        }
        return deriver.derive(HASH_SECTOR, number);
    }
}
