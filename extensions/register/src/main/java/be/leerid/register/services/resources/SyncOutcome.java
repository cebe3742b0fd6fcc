package be.leerid.register.services.resources;

/** What a sync did with an account, as counted in its report. */
enum SyncOutcome { CREATED, UPDATED, UNCHANGED, DISABLED, MERGED }
