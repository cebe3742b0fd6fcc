package be.leerid.testbed.demo;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;

/** HTML pages and small HTTP helpers shared by the demo services. */
final class Page {

    private Page() {
    }

    static void html(HttpExchange exchange, int status, String service, String body) throws IOException {
        String page = "<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + escape(service) + "</title>"
                + "<style>body{font-family:sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem}"
                + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3rem .6rem;text-align:left;vertical-align:top}"
                + "a.button,button{display:inline-block;padding:.6rem 1rem;background:#0b5cad;color:#fff;border:0;"
                + "text-decoration:none;font-size:1rem}</style></head><body><h1>" + escape(service) + "</h1>" + body + "</body></html>";
        byte[] bytes = page.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    /**
     * A demo service's home page: signed out, a login button; signed in, the name it knows the person by
     * and everything it received from LeerID.
     */
    static void home(HttpExchange exchange, String service, String signedOutNote, Sessions.Session session, String subjectClaim)
            throws IOException {
        if (!exchange.getRequestURI().getPath().equals("/")) {
            status(exchange, 404);
            return;
        }
        if (session == null) {
            html(exchange, 200, service, "<p>Je bent niet aangemeld." + signedOutNote + "</p>"
                    + "<p><a class=\"button\" id=\"login\" href=\"/login\">Aanmelden met LeerID</a></p>");
            return;
        }
        html(exchange, 200, service, "<p id=\"signed-in\">Aangemeld. " + escape(service) + " kent je als <strong id=\"subject\">"
                + escape(String.valueOf(session.claims().get(subjectClaim))) + "</strong>.</p><h2>Wat " + escape(service)
                + " van LeerID kreeg</h2>" + claims(session.claims())
                + "<form method=\"post\" action=\"/logout\"><p><button id=\"logout\" type=\"submit\">Afmelden</button></p></form>");
    }

    static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    static void status(HttpExchange exchange, int status) throws IOException {
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    /** What the service received, as a table: this is the point of the demo. */
    static String claims(Map<String, Object> claims) {
        StringBuilder table = new StringBuilder("<table><tr><th>gegeven</th><th>waarde</th></tr>");
        claims.forEach((name, value) -> table.append("<tr><td>").append(escape(name)).append("</td><td>")
                .append(escape(value instanceof List<?> list ? String.join(", ", list.stream().map(String::valueOf).toList())
                        : String.valueOf(value)))
                .append("</td></tr>"));
        return table.append("</table>").toString();
    }

    static Map<String, String> form(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return parse(new String(in.readNBytes(1024 * 1024), StandardCharsets.UTF_8));
        }
    }

    static Map<String, String> query(HttpExchange exchange) {
        return parse(exchange.getRequestURI().getRawQuery());
    }

    private static Map<String, String> parse(String encoded) {
        Map<String, String> values = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                values.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    static String cookie(HttpExchange exchange, String name) {
        for (String header : exchange.getRequestHeaders().getOrDefault("Cookie", List.of())) {
            for (String part : header.split(";")) {
                String[] pair = part.trim().split("=", 2);
                if (pair.length == 2 && pair[0].equals(name)) {
                    return pair[1];
                }
            }
        }
        return null;
    }

    static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
