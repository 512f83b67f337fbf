/**
 * Russian Post tracking: the SOAP 1.2 getOperationHistory client (Apache CXF, generated from the WSDL kept in
 * src/main/resources/wsdl/russianpost) behind {@link dev.silkway.tracking.carrier.CarrierApi}, and the mapping of
 * Russian Post's operation types and attributes onto the normalized status model.
 */
@NullMarked
package dev.silkway.tracking.carrier.russianpost;

import org.jspecify.annotations.NullMarked;
