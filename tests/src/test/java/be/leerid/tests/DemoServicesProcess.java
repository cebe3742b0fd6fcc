package be.leerid.tests;

import java.net.URI;

/** The demo services of testbed/demo-services as a real process on loopback, started once per test run. */
final class DemoServicesProcess {

    static final URI SMARTSCHOOL = URI.create("http://localhost:8181/");
    static final URI KLASCEMENT = URI.create("http://localhost:8182/");
    static final URI ARCHIEF = URI.create("http://localhost:8183/");

    private static Process process;

    private DemoServicesProcess() {
    }

    static synchronized void startOncePerRun(String realmUrl) {
        if (process == null) {
            process = TestbedProcess.start("demo-services", "testbed/demo-services/target/demo-services-app.jar", ARCHIEF,
                    realmUrl, RepositoryFiles.root().resolve("realm-config/dev/archief-sp-signing-key.pem").toString());
        }
    }
}
