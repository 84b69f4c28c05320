package io.clssdk.core.spi;

import io.clssdk.core.ClsEndpoint;
import io.clssdk.core.CredentialsProvider;

/** The checks every client builder makes before it builds, with one wording for the same mistake everywhere. */
public final class Required {
    private Required() {}

    /** @throws IllegalStateException naming what is missing and how to supply it */
    public static void endpoint(ClsEndpoint endpoint) {
        if (endpoint == null) {
            throw new IllegalStateException("endpoint is required, e.g. ClsEndpoint.of(\"ap-guangzhou\", PUBLIC)");
        }
    }

    /** @throws IllegalStateException naming what is missing and how to supply it */
    public static void credentials(CredentialsProvider credentials) {
        if (credentials == null) {
            throw new IllegalStateException("credentials are required, e.g. CredentialsProvider.fromEnvironment()");
        }
    }
}
