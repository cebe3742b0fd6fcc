package be.leerid.transparency.services.resources;

import java.util.List;

/**
 * One service on "Mijn LeerID": what it received about the person (claims in the theme's plain words with their
 * current values), the pseudonym it knows, the first and last day it received anything, and whether it is open
 * to all, chosen by the person's school or for staff only.
 *
 * @param access         {@code open}, {@code school} or {@code staff}; empty if the service is misconfigured
 * @param activatedBy    the person's schools that chose the service (for {@code school} services)
 * @param stillReceives  false when the service may no longer serve the person (a school stopped it, they left)
 */
public record ServiceReceipt(String id, String name, String logo, String access, List<String> activatedBy,
                             List<ClaimLine> claims, String pseudonym, String first, String last, boolean stillReceives) {

    /** A claim in plain words ({@code key}, a theme message) and the person's values today. */
    public record ClaimLine(String key, List<String> values) {
    }
}
