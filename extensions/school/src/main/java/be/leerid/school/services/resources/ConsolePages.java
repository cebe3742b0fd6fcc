package be.leerid.school.services.resources;

import java.time.LocalDate;
import java.util.List;

import be.leerid.school.ConsoleRight;
import be.leerid.school.UsageWeek;
import jakarta.ws.rs.core.Response;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.util.LocaleUtil;

/** The console's pages, in the LeerID login theme (its {@code leerid-school*.ftl} templates and message bundles). */
final class ConsolePages {

    private final KeycloakSession session;
    private final ConsoleCaller caller;

    ConsolePages(KeycloakSession session, ConsoleCaller caller) {
        this.session = session;
        this.caller = caller;
    }

    Response people(String school, ConsoleRight right, String text, String schoolClass, String grade, int first,
                    List<PersonRow> rows, boolean more) {
        return form()
                .setAttribute("school", school)
                .setAttribute("manages", right.mayDelegate())
                .setAttribute("query", text == null ? "" : text)
                .setAttribute("queryClass", schoolClass == null ? "" : schoolClass)
                .setAttribute("queryGrade", grade == null ? "" : grade)
                .setAttribute("first", first)
                .setAttribute("people", rows)
                .setAttribute("more", more)
                .createForm("leerid-school.ftl");
    }

    Response services(String school, List<ServiceRow> services) {
        return form().setAttribute("school", school).setAttribute("services", services).createForm("leerid-school-services.ftl");
    }

    /** @param later the last day of the next week, null if this week ends today */
    Response usage(String school, UsageWeek week, String later) {
        // Days as plain strings: the template neither formats nor calls java.time.
        return form().setAttribute("school", school).setAttribute("usageRows", week.rows())
                .setAttribute("usageDays", week.days().stream().map(LocalDate::toString).toList())
                .setAttribute("usageDayLabels", week.days().stream().map(day -> day.getDayOfMonth() + "/" + day.getMonthValue()).toList())
                .setAttribute("earlier", week.last().minusDays(UsageWeek.DAYS).toString())
                .setAttribute("later", later == null ? "" : later)
                .createForm("leerid-school-usage.ftl");
    }

    Response badUsageDay() {
        return message("leeridSchoolUsageBadDay", Response.Status.BAD_REQUEST);
    }

    /** @param problemLine -1 if none; 0 for the grades; else the networks' line that is not a range */
    Response badges(String school, boolean manages, String grades, String networks, int problemLine) {
        LoginFormsProvider form = form().setAttribute("school", school).setAttribute("manages", manages)
                .setAttribute("badgeGrades", grades).setAttribute("badgeNetworks", networks).setAttribute("problemLine", problemLine);
        if (problemLine >= 0) {
            form.setStatus(Response.Status.BAD_REQUEST);
        }
        return form.createForm("leerid-school-badges.ftl");
    }

    Response noBadges() {
        return message("leeridSchoolNoBadges", Response.Status.OK);
    }

    Response reference(String school, String code, String reasonKey, PersonRow person, String service, String when) {
        return form().setAttribute("school", school).setAttribute("reference", code).setAttribute("reasonKey", reasonKey)
                .setAttribute("person", person).setAttribute("service", service == null ? "" : service).setAttribute("when", when)
                .createForm("leerid-school-reference.ftl");
    }

    Response unknownReference(String school) {
        return form().setAttribute("school", school).createForm("leerid-school-reference.ftl");
    }

    Response schools(List<String> schools) {
        return form().setAttribute("schools", schools).createForm("leerid-school-choose.ftl");
    }

    Response noAccess() {
        return message("leeridSchoolNoAccess", Response.Status.FORBIDDEN);
    }

    Response forbidden() {
        return message("leeridSchoolFormExpired", Response.Status.FORBIDDEN);
    }

    Response notFound() {
        return message("leeridSchoolNotFound", Response.Status.NOT_FOUND);
    }

    Response noLetters() {
        return message("leeridSchoolNoLetters", Response.Status.OK);
    }

    Response activated() {
        return message("leeridActivationDone", Response.Status.OK);
    }

    private Response message(String key, Response.Status status) {
        return form().setAttribute("messageKey", key).setStatus(status).createForm("leerid-school-message.ftl");
    }

    private LoginFormsProvider form() {
        // The page's language menu links to ?kc_locale=..., as on Keycloak's own pages (and remembers it in a cookie).
        LocaleUtil.processLocaleParam(session, session.getContext().getRealm(), null);
        LoginFormsProvider form = session.getProvider(LoginFormsProvider.class);
        if (caller != null) {
            form.setUser(caller.user()).setAttribute("formToken", caller.formToken())
                    .setAttribute("callerName", caller.user().getFirstName() + " " + caller.user().getLastName());
        }
        return form.setAttribute("consoleUrl", session.getContext().getUri().getBaseUriBuilder()
                .path("realms/{realm}/school/").build(session.getContext().getRealm().getName()).toString());
    }
}
