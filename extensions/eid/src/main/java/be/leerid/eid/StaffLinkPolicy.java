package be.leerid.eid;

import java.util.List;

/**
 * Decides whether an eID login may use an account: only a staff record from the register, still active,
 * found unambiguously by the keyed hash of the national register number. Everything else is refused,
 * and nothing is created.
 */
public final class StaffLinkPolicy {

    /** Why an eID login was refused; each has its own message for the person. */
    public enum Refusal {
        /** Nobody, or only learner accounts, under this number. */
        NOT_STAFF("leeridEidNotStaff"),
        /** The staff record is there but the register says the contract ended. */
        LEFT("leeridEidLeft"),
        /** More than one staff record under one number: a register error an administrator must fix. */
        AMBIGUOUS("leeridEidAmbiguous");

        private final String messageKey;

        Refusal(String messageKey) {
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    /** Either the account to use or the refusal. */
    public record Decision(StaffAccount account, Refusal refusal) {

        public boolean allowed() {
            return refusal == null;
        }
    }

    private StaffLinkPolicy() {
    }

    /** @param found every account carrying the national register number hash of this eID identity */
    public static Decision decide(List<StaffAccount> found) {
        List<StaffAccount> staff = found.stream().filter(StaffAccount::isStaff).toList();
        if (staff.isEmpty()) {
            return new Decision(null, Refusal.NOT_STAFF);
        }
        if (staff.size() > 1) {
            return new Decision(null, Refusal.AMBIGUOUS);
        }
        StaffAccount account = staff.get(0);
        return account.enabled() ? new Decision(account, null) : new Decision(null, Refusal.LEFT);
    }

    /** For a returning eID login or an account link: the one account it is linked to must still qualify. */
    public static Decision recheck(StaffAccount linked) {
        return decide(List.of(linked));
    }
}
