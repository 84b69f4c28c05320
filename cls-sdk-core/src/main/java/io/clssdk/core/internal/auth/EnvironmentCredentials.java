package io.clssdk.core.internal.auth;

import io.clssdk.core.ClsClientException;
import io.clssdk.core.Credentials;
import io.clssdk.core.CredentialsProvider;
import java.util.function.Function;

/** Reads credentials from environment variables (names as in {@link CredentialsProvider}). */
public final class EnvironmentCredentials {
    private EnvironmentCredentials() {}

    /**
     * Reads the variables through {@code env} (normally {@code System::getenv}).
     *
     * @throws ClsClientException naming the missing or empty variable (never its value)
     */
    public static Credentials read(Function<String, String> env) {
        String id = require(env, CredentialsProvider.ENV_SECRET_ID);
        String key = require(env, CredentialsProvider.ENV_SECRET_KEY);
        String token = env.apply(CredentialsProvider.ENV_SESSION_TOKEN);
        return Credentials.of(id, key, token);
    }

    private static String require(Function<String, String> env, String name) {
        String value = env.apply(name);
        if (value == null || value.trim().isEmpty()) {
            throw new ClsClientException(
                    ClsClientException.Reason.CREDENTIALS,
                    "environment variable " + name + " is " + (value == null ? "not set" : "empty")
                            + "; set " + CredentialsProvider.ENV_SECRET_ID + " and "
                            + CredentialsProvider.ENV_SECRET_KEY + " (and " + CredentialsProvider.ENV_SESSION_TOKEN
                            + " for temporary credentials)");
        }
        return value.trim();
    }
}
