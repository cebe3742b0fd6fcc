package be.leerid.testbed.eid;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The simulator's login page: instead of a card reader, pick a card holder, the means they used and,
 * for tests, a defect for the ID token. Works without JavaScript.
 */
@RestController
public class CardPicker {

    private final CardHolders cardHolders;

    public CardPicker(CardHolders cardHolders) {
        this.cardHolders = cardHolders;
    }

    @GetMapping(value = "/login", produces = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8")
    public String page(HttpServletRequest request) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="nl"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>eID-simulator: kies een kaarthouder</title>
                <style>body{font-family:sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem}
                button{display:block;width:100%;margin:.5rem 0;padding:.75rem;font-size:1rem;text-align:left}
                label{display:block;margin-top:1rem}</style></head><body>
                <h1>eID-simulator</h1>
                <p>Dit is geen echte eID-aanmelding. Kies de kaarthouder die zich aanmeldt.</p>
                <form method="post" action="/login">
                """);
        html.append("<input type=\"hidden\" name=\"").append(csrf.getParameterName()).append("\" value=\"")
                .append(csrf.getToken()).append("\">\n")
                .append("<input type=\"hidden\" name=\"password\" value=\"").append(CardHolders.PICKER_PASSWORD).append("\">\n")
                .append("<label for=\"means\">Aanmeldmiddel</label><select id=\"means\" name=\"means\">\n");
        for (Means means : Means.values()) {
            html.append("<option value=\"").append(means.id()).append("\">").append(escape(means.label())).append("</option>\n");
        }
        html.append("</select>\n<label for=\"fault\">Fout in het ID-token (voor tests)</label><select id=\"fault\" name=\"fault\">\n");
        for (Fault fault : Fault.values()) {
            html.append("<option value=\"").append(fault.id()).append("\">").append(escape(fault.label())).append("</option>\n");
        }
        html.append("</select>\n<h2>Kaarthouders</h2>\n");
        for (CardHolder holder : cardHolders.all()) {
            html.append("<button type=\"submit\" name=\"username\" id=\"card-").append(holder.id()).append("\" value=\"")
                    .append(holder.id()).append("\">").append(escape(holder.givenName() + " " + holder.familyName()))
                    .append(" <small>(").append(escape(holder.description())).append(")</small></button>\n");
        }
        return html.append("</form></body></html>\n").toString();
    }

    /** For replay tests: where the simulator last sent a browser back with a code. */
    @GetMapping(value = "/last-authorization-response", produces = MediaType.TEXT_PLAIN_VALUE)
    public String lastAuthorizationResponse() {
        return OneLoginPerCard.LAST_RESPONSE.get();
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text);
    }
}
