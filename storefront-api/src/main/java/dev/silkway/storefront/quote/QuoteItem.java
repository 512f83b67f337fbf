package dev.silkway.storefront.quote;

import dev.silkway.storefront.delivery.Goods;

/** A cart line to price: its SKU's current price in fen and what delivery knows of one unit. */
record QuoteItem(long skuId, String title, int quantity, long priceFen, Goods goods) {}
