package be.leerid.testbed.demo;

import java.net.URL;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

/** The Shared Signals a demo service received from LeerID, newest first, as its home page shows them. */
final class SignalLog {

    /** One verified event: what happened (the event type's last part), to whom (the pseudonym), when. */
    record Signal(String event, String subject, Instant received) {
    }

    private static final int KEPT = 5;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.of("Europe/Brussels"));
    private final Deque<Signal> signals = new ArrayDeque<>();

    /** Verifies a Security Event Token as RFC 8417 and SSF 1.0 ask: LeerID's key, typ secevent+jwt, issuer, audience. */
    static Signal verify(String token, String issuer, String audience, URL jwks) throws Exception {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("secevent+jwt")));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, JWKSourceBuilder.create(jwks).build()));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(audience,
                new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("iat", "jti", "events", "sub_id")));
        JWTClaimsSet claims = processor.process(token, null);
        Map<String, Object> subject = claims.getJSONObjectClaim("sub_id");
        Map<String, Object> events = claims.getJSONObjectClaim("events");
        if (subject == null || !"iss_sub".equals(subject.get("format")) || events == null || events.size() != 1) {
            throw new IllegalArgumentException("not a LeerID security event");
        }
        String type = events.keySet().iterator().next();
        return new Signal(type.substring(type.lastIndexOf('/') + 1), String.valueOf(subject.get("sub")), Instant.now());
    }

    synchronized void add(Signal signal) {
        signals.addFirst(signal);
        while (signals.size() > KEPT) {
            signals.removeLast();
        }
    }

    /** The signals as a short list for the signed-out page; empty if none arrived. */
    synchronized String html() {
        if (signals.isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder("</p><h2>Signalen van LeerID</h2><ul id=\"signals\">");
        for (Signal signal : signals) {
            html.append("<li class=\"signal\">").append(TIME.format(signal.received())).append(" ")
                    .append(Page.escape(signal.event())).append(": ").append(Page.escape(signal.subject())).append("</li>");
        }
        return html.append("</ul><p>").toString();
    }
}
