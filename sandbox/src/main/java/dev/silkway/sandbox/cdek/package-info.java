/** CDEK API v2 as the sandbox simulates it: OAuth2 client credentials, orders by CDEK number, status webhooks. */
@NullMarked
package dev.silkway.sandbox.cdek;

import org.jspecify.annotations.NullMarked;
