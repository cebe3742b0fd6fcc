package be.leerid.identifiers.models;

import org.keycloak.protocol.ProtocolMapper;

/**
 * A protocol mapper that gives a service the LeerID pseudonym as its subject. A client with one of these
 * (directly or through a default scope) is a LeerID service: every login to it needs a pseudonym.
 */
public interface SubjectMapper extends ProtocolMapper {
}
