package be.leerid.school.badges;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The networks a school allows badge logins from: address ranges in CIDR notation ({@code 193.190.12.0/24},
 * {@code 2001:db8:12::/48}), one per line. None means anywhere.
 */
public final class AddressRanges {

    private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    /** A school has a handful of networks; a list this long is a paste gone wrong. */
    public static final int MAX_RANGES = 64;

    private final List<Range> ranges;
    private final boolean closed;

    private AddressRanges(List<Range> ranges, boolean closed) {
        this.ranges = List.copyOf(ranges);
        this.closed = closed;
    }

    public static final AddressRanges ANYWHERE = new AddressRanges(List.of(), false);
    /** What a stored list that no longer parses means: refuse rather than let every network in. */
    public static final AddressRanges NOWHERE = new AddressRanges(List.of(), true);

    /** A line that is not an address range: the message (for logs) and the line number (for the page) say which. */
    public static final class BadRange extends IllegalArgumentException {
        private final int line;

        BadRange(int line, String problem) {
            super("line " + line + ": " + problem);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    /** Parses what a coordinator typed; a line that is not a range is an error that names its line number. */
    public static AddressRanges parse(String typed) {
        List<Range> ranges = new ArrayList<>();
        String[] lines = typed == null ? new String[0] : typed.split("[\\r\\n,;]+");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (!line.isEmpty()) {
                ranges.add(Range.parse(line, i + 1));
            }
        }
        if (ranges.size() > MAX_RANGES) {
            throw new BadRange(MAX_RANGES + 1, "at most " + MAX_RANGES + " address ranges");
        }
        return new AddressRanges(ranges, false);
    }

    public boolean restricts() {
        return closed || !ranges.isEmpty();
    }

    /** Whether a badge may log in from this address: anywhere if the school set no range. */
    public boolean allows(InetAddress address) {
        return !closed && (ranges.isEmpty() || ranges.stream().anyMatch(r -> r.contains(address)));
    }

    /** One range per line, as the console shows and stores them. */
    public String storable() {
        return String.join("\n", ranges.stream().map(Range::text).toList());
    }

    private record Range(byte[] network, int prefix, String text) {

        static Range parse(String line, int number) {
            int slash = line.indexOf('/');
            String address = slash < 0 ? line : line.substring(0, slash);
            if (!isIpv4(address) && !IPV6.matcher(address).matches()) {
                throw new BadRange(number, "not an IPv4 or IPv6 address range");
            }
            byte[] bytes;
            try {
                // Only literal addresses reach here (checked above), so this never asks DNS.
                bytes = InetAddress.getByName(address).getAddress();
            } catch (UnknownHostException e) {
                throw new BadRange(number, "not an IPv4 or IPv6 address range");
            }
            int prefix;
            try {
                prefix = slash < 0 ? bytes.length * 8 : Integer.parseInt(line.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new BadRange(number, "the prefix length after / is not a number");
            }
            if (prefix < 0 || prefix > bytes.length * 8) {
                throw new BadRange(number, "the prefix length must be 0 to " + bytes.length * 8);
            }
            return new Range(bytes, prefix, slash < 0 ? address + "/" + prefix : line);
        }

        /** Checked here, octet by octet: Java would take {@code 300.1.1.1} for a host name and ask DNS. */
        private static boolean isIpv4(String address) {
            if (!IPV4.matcher(address).matches()) {
                return false;
            }
            for (String octet : address.split("\\.")) {
                if (Integer.parseInt(octet) > 255) {
                    return false;
                }
            }
            return true;
        }

        boolean contains(InetAddress address) {
            byte[] other = address.getAddress();
            if (other.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (other[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (other[full] & mask) == (network[full] & mask);
        }
    }
}
