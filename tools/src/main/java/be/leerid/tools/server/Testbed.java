package be.leerid.tools.server;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The development stand-ins beside a LeerID server: the eID simulator (:8180) and the three demo services (:8181-8183). */
public final class Testbed {

    private Testbed() {
    }

    public static ServerProcess eidSimulator(LeerIdRepository repository) {
        return java("the eID simulator", repository, repository.testbedJar("testbed/eid-simulator", "eid-simulator.jar"),
                repository.target().resolve("eid-simulator.log"));
    }

    /** @param realmUrl where the demo services find LeerID, e.g. http://localhost:8080/realms/leerid */
    static ServerProcess demoServices(LeerIdRepository repository, String realmUrl) {
        return java("the demo services", repository, repository.testbedJar("testbed/demo-services", "demo-services-app.jar"),
                repository.target().resolve("demo-services.log"), realmUrl,
                repository.root().resolve("realm-config/dev/archief-sp-signing-key.pem").toString());
    }

    private static ServerProcess java(String name, LeerIdRepository repository, Path jar, Path log, String... arguments) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", jar.toString()));
        command.addAll(List.of(arguments));
        return ServerProcess.start(name, new ProcessBuilder(command).directory(repository.root().toFile()), log);
    }
}
