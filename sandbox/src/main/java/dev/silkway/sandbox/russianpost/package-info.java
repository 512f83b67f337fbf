/**
 * Russian Post tracking simulator: the SOAP 1.2 getOperationHistory service of tracking.russianpost.ru/rtm34, with
 * its WSDL, telling the LAST_MILE legs of carrier russian-post from the journeys in Russian Post's operation codes.
 */
@NullMarked
package dev.silkway.sandbox.russianpost;

import org.jspecify.annotations.NullMarked;
