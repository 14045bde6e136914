package org.glancejee.web.json;

import jakarta.json.spi.JsonProvider;

/**
 * The JSON provider, looked up once. Each {@code Jsons.PROVIDER.createXxx} call looks the provider up again (a
 * ServiceLoader scan of the application's jars on Payara), which showed in the cost of every listing.
 */
public final class Jsons {
    public static final JsonProvider PROVIDER = JsonProvider.provider();

    private Jsons() {
    }
}
