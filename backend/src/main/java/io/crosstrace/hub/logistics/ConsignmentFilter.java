package io.crosstrace.hub.logistics;

import java.time.LocalDate;

/**
 * Filters of the consignment list; every field is optional.
 *
 * @param status         one consignment status
 * @param importerGln    the importer of record
 * @param arrivalPortGln the port of arrival
 * @param declaredFrom   declared on or after
 * @param declaredTo     declared on or before
 */
public record ConsignmentFilter(String status, String importerGln, String arrivalPortGln, LocalDate declaredFrom,
        LocalDate declaredTo) {
}
