package be.leerid.transparency.services.resources;

import be.leerid.identifiers.ReleaseRecord;
import be.leerid.transparency.ExportQuery;

/** The export's days as event times: from the first day's midnight in Brussels to the last day's end. */
record ExportWindow(long fromMillis, long toMillis) {

    static ExportWindow of(ExportQuery query) {
        long from = query.from().atStartOfDay(ReleaseRecord.ZONE).toInstant().toEpochMilli();
        long to = query.to().plusDays(1).atStartOfDay(ReleaseRecord.ZONE).toInstant().toEpochMilli() - 1;
        return new ExportWindow(from, to);
    }
}
