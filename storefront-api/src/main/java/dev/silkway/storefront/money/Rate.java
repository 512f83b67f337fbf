package dev.silkway.storefront.money;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A CBR rate: {@code unitRate} roubles per one unit of {@code currency}, as published for {@code date}.
 */
public record Rate(String currency, BigDecimal unitRate, LocalDate date) {}
