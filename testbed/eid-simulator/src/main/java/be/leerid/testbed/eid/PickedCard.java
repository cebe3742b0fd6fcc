package be.leerid.testbed.eid;

import java.io.Serializable;

import jakarta.servlet.http.HttpServletRequest;

/** What was chosen on the picker page besides the card holder: the means and any token defect. */
public record PickedCard(Means means, Fault fault) implements Serializable {

    static PickedCard from(HttpServletRequest request) {
        return new PickedCard(Means.of(request.getParameter("means")), Fault.of(request.getParameter("fault")));
    }
}
