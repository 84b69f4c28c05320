package io.clssdk.core.spi;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The SDK version (from the build) and the User-Agent built from it. */
public final class Version {
    public static final String SDK_VERSION = load();
    public static final String USER_AGENT = "cls-sdk-java/" + SDK_VERSION + " (Java "
            + System.getProperty("java.version") + "; " + System.getProperty("os.name") + ")";

    private Version() {}

    private static String load() {
        try (InputStream in = Version.class.getResourceAsStream("/io/clssdk/core/version.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version");
                if (v != null && !v.startsWith("$")) {
                    return v;
                }
            }
        } catch (IOException ignored) {
            // fall through to "unknown"
        }
        return "unknown";
    }
}
