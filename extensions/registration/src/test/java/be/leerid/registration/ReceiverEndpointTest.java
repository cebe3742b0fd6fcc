package be.leerid.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ReceiverEndpointTest {

    @Test
    void httpsOrLoopbackHttp() {
        assertEquals("https://bingel.be/ssf/events", ReceiverEndpoint.parse(" https://bingel.be/ssf/events ").toString());
        assertEquals("http://127.0.0.1:8181/ssf", ReceiverEndpoint.parse("http://127.0.0.1:8181/ssf").toString());
        assertEquals("http://localhost:8181/ssf", ReceiverEndpoint.parse("http://localhost:8181/ssf").toString());
    }

    @Test
    void refusesWithAReason() {
        assertEquals("endpoint must use https (plain http only on localhost)",
                assertThrows(ReceiverEndpoint.Refused.class, () -> ReceiverEndpoint.parse("http://bingel.be/ssf")).getMessage());
        assertEquals("endpoint is required: the receiver's URL",
                assertThrows(ReceiverEndpoint.Refused.class, () -> ReceiverEndpoint.parse(" ")).getMessage());
        assertEquals("endpoint must be an absolute URL with a host",
                assertThrows(ReceiverEndpoint.Refused.class, () -> ReceiverEndpoint.parse("/ssf")).getMessage());
        assertEquals("endpoint must not carry credentials or a fragment",
                assertThrows(ReceiverEndpoint.Refused.class, () -> ReceiverEndpoint.parse("https://user:pw@bingel.be/ssf")).getMessage());
        assertEquals("endpoint is not a URL",
                assertThrows(ReceiverEndpoint.Refused.class, () -> ReceiverEndpoint.parse("https://bingel .be")).getMessage());
    }
}
