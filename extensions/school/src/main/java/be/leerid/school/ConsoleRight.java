package be.leerid.school;

/** What a person may do in the school console for one school. */
public enum ConsoleRight {

    /** ICT coordinators and school leaders: everything, including helpdesk delegation and the school's services. */
    MANAGE,
    /** Granted by a coordinator: search, letters, resets and unlocks; no delegation, no choice of services. */
    HELPDESK;

    public boolean mayDelegate() {
        return this == MANAGE;
    }

    /** Activating and deactivating services for the school: coordinators and leaders only. */
    public boolean mayChooseServices() {
        return this == MANAGE;
    }
}
