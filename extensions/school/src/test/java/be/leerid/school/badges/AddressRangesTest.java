package be.leerid.school.badges;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;

import org.junit.jupiter.api.Test;

class AddressRangesTest {

    @Test
    void rangesInCidrNotationIpv4AndIpv6() throws Exception {
        AddressRanges ranges = AddressRanges.parse("193.190.12.0/24\n 10.8.0.0/13 \n2001:db8:12::/48\n192.0.2.7");
        assertTrue(ranges.restricts());
        assertTrue(ranges.allows(InetAddress.getByName("193.190.12.200")));
        assertFalse(ranges.allows(InetAddress.getByName("193.190.13.1")));
        assertTrue(ranges.allows(InetAddress.getByName("10.15.255.255")));
        assertFalse(ranges.allows(InetAddress.getByName("10.16.0.0")));
        assertTrue(ranges.allows(InetAddress.getByName("2001:db8:12:ffff::1")));
        assertFalse(ranges.allows(InetAddress.getByName("2001:db8:13::1")));
        assertTrue(ranges.allows(InetAddress.getByName("192.0.2.7")));
        assertFalse(ranges.allows(InetAddress.getByName("192.0.2.8")));
        assertEquals("193.190.12.0/24\n10.8.0.0/13\n2001:db8:12::/48\n192.0.2.7/32", ranges.storable());
    }

    @Test
    void noRangeMeansAnywhereAndAnUnreadableStoredListMeansNowhere() throws Exception {
        assertFalse(AddressRanges.parse(" \n ").restricts());
        assertTrue(AddressRanges.parse("").allows(InetAddress.getByName("8.8.8.8")));
        assertTrue(AddressRanges.NOWHERE.restricts());
        assertFalse(AddressRanges.NOWHERE.allows(InetAddress.getByName("127.0.0.1")));
    }

    @Test
    void aBadLineIsNamedAndNeverLookedUpAsAHostName() {
        assertEquals("line 2: not an IPv4 or IPv6 address range",
                assertThrows(IllegalArgumentException.class, () -> AddressRanges.parse("10.0.0.0/8\nschool.example")).getMessage());
        assertEquals("line 1: not an IPv4 or IPv6 address range",
                assertThrows(IllegalArgumentException.class, () -> AddressRanges.parse("300.1.1.1/8")).getMessage());
        assertEquals("line 1: the prefix length must be 0 to 32",
                assertThrows(IllegalArgumentException.class, () -> AddressRanges.parse("10.0.0.0/33")).getMessage());
        assertEquals("line 1: the prefix length after / is not a number",
                assertThrows(IllegalArgumentException.class, () -> AddressRanges.parse("10.0.0.0/x")).getMessage());
    }
}
