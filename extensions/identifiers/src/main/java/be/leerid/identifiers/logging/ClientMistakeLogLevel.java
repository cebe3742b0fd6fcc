package be.leerid.identifiers.logging;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Keycloak logs some everyday mistakes of a service at ERROR: an unknown or refused parameter, a response type the
 * client may not use, a SAML message that is not base64 or lacks the signature the service must give it. They are the service's mistake, answered with an error
 * to it, not a fault of the server, and at ERROR they bury real faults and wake operators. This filter, on the
 * loggers that write them, lowers exactly those messages to WARN; everything else passes as it was.
 */
public final class ClientMistakeLogLevel implements Filter {

    /** Per logger, how the messages it writes for a service's mistake begin. */
    static final Map<String, List<String>> MISTAKES = Map.of(
            "org.keycloak.services", List.of(
                    "KC-SERVICES0042:", // response_mode query for an implicit or hybrid flow
                    "KC-SERVICES0092:", // missing parameter
                    "KC-SERVICES0093:", // invalid parameter value (an unknown scope, plain PKCE)
                    "KC-SERVICES0094:", // unsupported parameter
                    "KC-SERVICES0095:", // a response type the client may not use
                    "KC-SERVICES0105:"), // response_mode query.jwt without encryption
            "org.keycloak.saml.common", List.of("Error in base64 decoding saml message"),
            // an unsigned or wrongly signed request from a service that must sign (refused with 400)
            "org.keycloak.protocol.saml.SamlService", List.of("request validation failed"));

    private static final Level WARN = warn();
    /** Holds the loggers so their filters stay as long as the server runs. */
    private static final Map<String, Logger> FILTERED = new ConcurrentHashMap<>();

    private final Filter previous;
    private final List<String> beginnings;

    ClientMistakeLogLevel(Filter previous, List<String> beginnings) {
        this.previous = previous;
        this.beginnings = beginnings;
    }

    /** Puts the filter on Keycloak's loggers, once. */
    public static void install() {
        MISTAKES.forEach((name, beginnings) -> FILTERED.computeIfAbsent(name, n -> {
            Logger logger = Logger.getLogger(n);
            if (!(logger.getFilter() instanceof ClientMistakeLogLevel)) {
                logger.setFilter(new ClientMistakeLogLevel(logger.getFilter(), beginnings));
            }
            return logger;
        }));
    }

    @Override
    public boolean isLoggable(LogRecord record) {
        if (record.getLevel().intValue() > WARN.intValue() && isMistake(record.getMessage())) {
            record.setLevel(WARN);
        }
        return previous == null || previous.isLoggable(record);
    }

    boolean isMistake(String message) {
        return message != null && beginnings.stream().anyMatch(message::startsWith);
    }

    /** JBoss LogManager's WARN (printed as WARN), or the JDK's WARNING where it is not the log manager. */
    private static Level warn() {
        try {
            return Level.parse("WARN");
        } catch (IllegalArgumentException e) {
            return Level.WARNING;
        }
    }
}
