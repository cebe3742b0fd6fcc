package be.leerid.transparency.services.resources;

import java.util.List;

/**
 * One login session of the person: the device (browser and operating system, as Keycloak read them from the
 * browser), when it started and was last used, from where, and at which services.
 */
public record SessionRow(String device, String started, String lastUsed, String address, List<String> services, boolean current) {
}
