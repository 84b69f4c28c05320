package io.clssdk.examples;

import io.clssdk.core.Credentials;
import io.clssdk.core.CredentialsProvider;
import io.clssdk.core.api.ClsApiClient;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads the environment the Cloud API examples share and explains what is missing. */
final class ExampleEnv {
    static final String SECRET_ID = CredentialsProvider.ENV_SECRET_ID;
    static final String SECRET_KEY = CredentialsProvider.ENV_SECRET_KEY;
    static final String SESSION_TOKEN = CredentialsProvider.ENV_SESSION_TOKEN;
    /** The region whose resources are managed, e.g. {@code ap-guangzhou}. */
    static final String REGION = "CLS_REGION";
    /** The log topic that receives (or holds) the logs. */
    static final String TOPIC_ID = "CLS_TOPIC_ID";
    /** Optional: another Cloud API endpoint, e.g. {@code cls.ap-guangzhou.tencentcloudapi.com}. */
    static final String API_ENDPOINT = "CLS_API_ENDPOINT";

    private final Map<String, String> env;

    ExampleEnv(Map<String, String> env) {
        this.env = env;
    }

    /** The trimmed value, or null when unset or blank. */
    String get(String name) {
        String value = env.get(name);
        return value == null || value.trim().isEmpty() ? null : value.trim();
    }

    String getOrDefault(String name, String fallback) {
        String value = get(name);
        return value == null ? fallback : value;
    }

    /**
     * A whole number of at least 1, or {@code fallback} when unset.
     *
     * @throws IllegalArgumentException naming the variable if it is not such a number
     */
    long positiveNumber(String name, long fallback) {
        String text = get(name);
        if (text == null) {
            return fallback;
        }
        try {
            long value = Long.parseLong(text);
            if (value >= 1) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be a whole number of at least 1, got '" + text + "'");
    }

    /** The names among {@code required} that are not set. */
    List<String> missing(String... required) {
        List<String> missing = new ArrayList<>();
        for (String name : required) {
            if (get(name) == null) {
                missing.add(name);
            }
        }
        return missing;
    }

    /** Prints which variables are missing and what each one means, then the purpose of the program. */
    static void explainMissing(PrintStream out, String program, String purpose, List<String> missing, String usage) {
        out.println(program + ": " + purpose);
        out.println();
        out.println("Not run: these environment variables are not set: " + String.join(", ", missing) + ".");
        out.println(usage);
    }

    /** A client for the configured region, credentials and (optional) endpoint. */
    ClsApiClient client() {
        Credentials credentials = Credentials.of(get(SECRET_ID), get(SECRET_KEY), get(SESSION_TOKEN));
        ClsApiClient.Builder builder =
                ClsApiClient.builder().region(get(REGION)).credentials(CredentialsProvider.of(credentials));
        if (get(API_ENDPOINT) != null) {
            builder.endpoint(get(API_ENDPOINT));
        }
        return builder.build();
    }
}
