package be.leerid.testbed.eid;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the relying party (LeerID) is registered with at the simulated gateway.
 *
 * @param issuer the issuer URL in discovery and in every token
 * @param clientId LeerID's client id at the gateway
 * @param clientSecret LeerID's client secret (a development value; LeerID reads it from its vault)
 * @param redirectUris LeerID's broker endpoints
 */
@ConfigurationProperties("eid")
public record SimulatorProperties(String issuer, String clientId, String clientSecret, List<String> redirectUris) {
}
