package be.leerid.transparency;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import be.leerid.identifiers.Claim;
import be.leerid.identifiers.PersonRecord;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A claim's current values as a person reads them on "Mijn LeerID": the values a service receives, with a school
 * object ({@link Claim#SCHOOLS}) written out as its number, grade and class or roles instead of JSON.
 */
public final class ClaimDisplay {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ClaimDisplay() {
    }

    /** @param scope LeerID's security domain, as the mappers append it to scoped values */
    public static List<String> values(Claim claim, PersonRecord person, String scope) {
        List<String> values = claim.oidcValues(person, scope);
        if (claim != Claim.SCHOOLS) {
            return values;
        }
        List<String> readable = new ArrayList<>();
        for (String value : values) {
            readable.add(school(value));
        }
        return readable;
    }

    private static String school(String json) {
        try {
            Map<String, Object> school = JSON.readValue(json, new TypeReference<Map<String, Object>>() { });
            List<String> parts = new ArrayList<>();
            for (String key : List.of(Claim.ORGCODE.oidcName(), Claim.GRADE.oidcName(), Claim.CLASS.oidcName(), Claim.SCHOOL_ROLES_KEY)) {
                Object value = school.get(key);
                if (value instanceof List<?> list) {
                    parts.add(String.join(", ", list.stream().map(String::valueOf).toList()));
                } else if (value != null) {
                    parts.add(String.valueOf(value));
                }
            }
            return String.join(" · ", parts);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return json;
        }
    }
}
