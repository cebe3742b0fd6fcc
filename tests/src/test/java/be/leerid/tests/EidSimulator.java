package be.leerid.tests;

import java.net.URI;

/**
 * The eID gateway simulator of testbed/eid-simulator as a real process on loopback, started once per
 * test run (before the Keycloak server, which the shipped realm points at it) and stopped at JVM exit.
 */
final class EidSimulator {

    static final URI ISSUER = URI.create("http://localhost:8180");

    /** The simulator's card holders (testbed/eid-simulator/src/main/resources/card-holders.json). */
    static final String AN_WOUTERS = "an-wouters";
    static final String JAN_CLAES = "jan-claes";
    static final String ELS_DE_SMET = "els-de-smet";
    static final String PIET_ONBEKEND = "piet-onbekend";
    static final String LOTTE_PEETERS = "lotte-peeters";
    static final String LOTTE_PEETERS_NRN = "14052041225";
    static final String PIET_ONBEKEND_NRN = "91010138944";

    private static Process process;

    private EidSimulator() {
    }

    static synchronized void startOncePerRun() {
        if (process == null) {
            process = TestbedProcess.start("eid-simulator", "testbed/eid-simulator/target/eid-simulator.jar",
                    ISSUER.resolve("/.well-known/openid-configuration"), "--server.port=" + ISSUER.getPort());
        }
    }
}
