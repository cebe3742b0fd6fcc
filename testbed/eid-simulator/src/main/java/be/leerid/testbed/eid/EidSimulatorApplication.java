package be.leerid.testbed.eid;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Stands in for the Flemish government's eID gateway: an OpenID Provider that says who a card holder is
 * (national register number, names) and how they authenticated ({@code acr}). Development and tests only.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class EidSimulatorApplication {

    public static void main(String[] args) {
        SpringApplication.run(EidSimulatorApplication.class, args);
    }
}
