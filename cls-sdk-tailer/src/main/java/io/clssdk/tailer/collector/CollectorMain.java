package io.clssdk.tailer.collector;

import io.clssdk.core.ClsClientException;
import io.clssdk.core.ClsEndpoint;
import io.clssdk.core.CredentialsProvider;
import io.clssdk.core.api.ClsApiClient;
import io.clssdk.producer.ProducerOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar cls-collector.jar}: runs CLS collection configurations from a file ({@code --config}) or from a
 * machine group ({@code --machine-group}), as LogListener does, until SIGTERM or SIGINT. {@code --help} lists every
 * option; the README section "Running the collector" documents them, the file format and the exit codes: {@value
 * #EXIT_STOPPED} after a stop by signal, {@value #EXIT_USAGE} for bad arguments or a bad config file (nothing was
 * started), {@value #EXIT_FAILURE} for a failure at run time (a tailer that cannot start, a machine group that cannot
 * be read at start).
 */
@Command(
        name = "cls-collector",
        mixinStandardHelpOptions = true,
        versionProvider = CollectorMain.Version.class,
        sortOptions = false,
        usageHelpWidth = 110,
        description = "Collects log files with CLS collection configs (from a file or a machine group) and uploads"
                + " them to CLS, as LogListener does. Credentials come from TENCENTCLOUD_SECRET_ID,"
                + " TENCENTCLOUD_SECRET_KEY (and TENCENTCLOUD_SESSION_TOKEN) or --credentials-file.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:stopped by SIGTERM/SIGINT (checkpoints written)",
            "1:runtime failure (a tailer could not start, the machine group could not be read at start)",
            "2:bad arguments or config file (nothing was started)"
        })
public final class CollectorMain implements Callable<Integer> {
    /** Exit code after a stop by signal. */
    public static final int EXIT_STOPPED = 0;
    /** Exit code of a failure at run time. */
    public static final int EXIT_FAILURE = 1;
    /** Exit code of bad arguments or a bad config file. */
    public static final int EXIT_USAGE = 2;

    @ArgGroup(multiplicity = "1")
    private Source source;

    @Option(
            names = "--checkpoints",
            required = true,
            paramLabel = "DIR",
            description = "Directory for checkpoints, one subdirectory per config (named by its ConfigId or Name)")
    private Path checkpoints;

    @Option(
            names = "--region",
            paramLabel = "REGION",
            description = "CLS region, e.g. ap-guangzhou: the upload endpoint (unless --endpoint) and the Cloud API")
    private String region;

    @Option(
            names = "--network",
            paramLabel = "public|private",
            defaultValue = "public",
            description =
                    "Upload over the public internet or Tencent Cloud's private network (default: ${DEFAULT-VALUE})")
    private String network;

    @Option(
            names = "--endpoint",
            paramLabel = "URL",
            description = "Upload endpoint instead of the region's, e.g. http://127.0.0.1:8765 (local endpoint)")
    private String endpoint;

    @Option(
            names = "--api-endpoint",
            paramLabel = "URL",
            defaultValue = ClsApiClient.DEFAULT_ENDPOINT,
            description = "Cloud API endpoint for --machine-group (default: ${DEFAULT-VALUE})")
    private String apiEndpoint;

    @Option(
            names = "--credentials-file",
            paramLabel = "FILE",
            description = "Properties file with secretId, secretKey and optional sessionToken (re-read when it"
                    + " changes) instead of the environment")
    private Path credentialsFile;

    @Option(
            names = "--poll-interval",
            paramLabel = "DURATION",
            defaultValue = "60s",
            description = "How often the machine group's configs are listed (default: ${DEFAULT-VALUE})")
    private String pollInterval;

    @Option(
            names = "--reload-interval",
            paramLabel = "DURATION",
            defaultValue = "5s",
            description = "How often the config file is checked for changes; 0 = never (default: ${DEFAULT-VALUE})")
    private String reloadInterval;

    @Option(
            names = "--stop-timeout",
            paramLabel = "DURATION",
            defaultValue = "20s",
            description = "Bound on a graceful stop: delivering and checkpointing (default: ${DEFAULT-VALUE})")
    private String stopTimeout;

    @Option(
            names = "--status-interval",
            paramLabel = "DURATION",
            defaultValue = "60s",
            description = "A status line on stderr this often; 0 = off (default: ${DEFAULT-VALUE})")
    private String statusInterval;

    @Option(
            names = "--status-port",
            paramLabel = "PORT",
            description = "Serve the status as JSON at http://127.0.0.1:PORT/status (0 = any free port)")
    private Integer statusPort;

    @Option(
            names = "--producer-options",
            paramLabel = "FILE",
            description = "JSON object of producer options for --machine-group (what the Producer object of a config"
                    + " file holds)")
    private Path producerOptions;

    @Option(
            names = "--allow-unsupported",
            description = "Run configs that set fields this SDK does not apply (they are ignored with a warning)")
    private boolean allowUnsupported;

    @Option(
            names = "--log-level",
            paramLabel = "LEVEL",
            defaultValue = "info",
            description = "SDK log level on stderr: error, warn, info, debug (default: ${DEFAULT-VALUE})")
    private String logLevel;

    /** Exactly one of the two sources of configurations. */
    static final class Source {
        @Option(
                names = "--config",
                required = true,
                paramLabel = "FILE",
                description = "JSON file of collection configs (array, or {\"Configs\": [...], \"Producer\": {...}})")
        Path config;

        @Option(
                names = "--machine-group",
                required = true,
                paramLabel = "GROUP_ID",
                description = "Run the configs bound to this machine group (needs --region), polled for changes")
        String machineGroup;
    }

    /** How long past --stop-timeout the watchdog lets a stop run before it ends the JVM anyway. */
    static final Duration WATCHDOG_GRACE = Duration.ofSeconds(10);

    private final PrintStream err;
    private final CountDownLatch stopped = new CountDownLatch(1);

    CollectorMain(PrintStream err) {
        this.err = err;
    }

    /**
     * Runs the collector; exits the JVM with the exit code when it stops.
     *
     * @param args the command line ({@code --help} lists it)
     */
    public static void main(String[] args) {
        CollectorMain main = new CollectorMain(System.err);
        int code = new CommandLine(main).execute(args); // picocli answers invalid input with 2 (EXIT_USAGE)
        System.exit(code);
    }

    @Override
    public Integer call() throws InterruptedException {
        configureLogging();
        Console console = new Console(err);
        CollectorLaunch launch;
        try {
            launch = prepare(console);
        } catch (IllegalArgumentException | ClsClientException | UncheckedIOException e) {
            console.error(e.getMessage());
            return EXIT_USAGE;
        }
        Collector collector;
        try {
            collector = launch.start(console);
        } catch (IllegalArgumentException e) {
            console.error(e.getMessage() + "; nothing was started");
            return EXIT_USAGE;
        } catch (RuntimeException e) {
            console.error(e.getMessage());
            return EXIT_FAILURE;
        }
        Duration bound = duration("--stop-timeout", stopTimeout);
        StatusServer server = startStatusServer(collector, console);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAndHalt(collector, server, bound, console)));
        stopped.await();
        return EXIT_STOPPED;
    }

    private void stopAndHalt(Collector collector, StatusServer server, Duration bound, Console console) {
        int code = EXIT_STOPPED;
        startWatchdog(bound.plus(WATCHDOG_GRACE), console);
        try {
            console.info("stopping (at most " + bound.getSeconds() + " s)");
            boolean complete = collector.stop(bound);
            console.info(
                    complete
                            ? "stopped; every line read was delivered and checkpointed"
                            : "stopped; lines not delivered in time are read again at the next start");
        } catch (RuntimeException e) {
            console.error("stopping: " + e);
            code = EXIT_FAILURE;
        } finally {
            if (server != null) {
                server.close();
            }
            stopped.countDown();
        }
        err.flush();
        // A signal's default exit status is 128 + signal; a stop that wrote its checkpoints is a clean stop.
        Runtime.getRuntime().halt(code);
    }

    /** Ends the JVM with {@link #EXIT_FAILURE} if a stop outlives its bound by more than the grace (a stuck thread). */
    private void startWatchdog(Duration limit, Console console) {
        Thread watchdog = new Thread(
                () -> {
                    try {
                        Thread.sleep(limit.toMillis());
                    } catch (InterruptedException e) {
                        return;
                    }
                    console.error("the stop did not finish within " + limit.getSeconds() + " s; exiting anyway");
                    Runtime.getRuntime().halt(EXIT_FAILURE);
                },
                "cls-collector-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private StatusServer startStatusServer(Collector collector, Console console) {
        if (statusPort == null) {
            return null;
        }
        try {
            StatusServer server = StatusServer.start(statusPort, collector.report());
            console.info("status at http://127.0.0.1:" + server.port() + "/status");
            return server;
        } catch (IOException e) {
            console.error("cannot serve the status on 127.0.0.1:" + statusPort + ": " + e.getMessage());
            return null;
        }
    }

    /** Checks everything that can be checked before anything starts. */
    private CollectorLaunch prepare(Console console) {
        Duration poll = duration("--poll-interval", pollInterval);
        Duration reload = duration("--reload-interval", reloadInterval);
        Duration status = duration("--status-interval", statusInterval);
        Duration stop = duration("--stop-timeout", stopTimeout);
        if (statusPort != null && (statusPort < 0 || statusPort > 65535)) {
            throw new IllegalArgumentException("--status-port must be between 0 and 65535, got " + statusPort);
        }
        ClsEndpoint uploads = uploadEndpoint();
        CredentialsProvider credentials =
                credentialsFile != null ? CredentialsFile.read(credentialsFile) : CredentialsProvider.fromEnvironment();
        if (source.config != null) {
            if (producerOptions != null) {
                throw new IllegalArgumentException(
                        "--producer-options is for --machine-group; with --config use the file's Producer object");
            }
            FileFeed feed = new FileFeed(source.config, console);
            CollectorFile file = feed.load();
            ProducerOptions options = file.producer().apply(ProducerOptions.builder());
            return new CollectorLaunch(
                    uploads,
                    credentials,
                    options,
                    feed,
                    null,
                    file.configs(),
                    checkpoints,
                    allowUnsupported,
                    reload,
                    status,
                    stop);
        }
        if (region == null) {
            throw new IllegalArgumentException("--machine-group needs --region (the group's region)");
        }
        if (poll.isZero()) {
            throw new IllegalArgumentException("--poll-interval must be above 0 with --machine-group");
        }
        ClsApiClient api = ClsApiClient.builder()
                .region(region)
                .credentials(credentials)
                .endpoint(apiEndpoint)
                .build();
        MachineGroupFeed feed = new MachineGroupFeed(api, source.machineGroup, console);
        return new CollectorLaunch(
                uploads,
                credentials,
                producerOptions == null
                        ? ProducerOptions.defaults()
                        : ProducerSection.read(producerOptions).apply(ProducerOptions.builder()),
                feed,
                api,
                null,
                checkpoints,
                allowUnsupported,
                poll,
                status,
                stop);
    }

    private ClsEndpoint uploadEndpoint() {
        if (endpoint != null) {
            return ClsEndpoint.parse(endpoint);
        }
        if (region == null) {
            throw new IllegalArgumentException("give --region (with --network) or --endpoint: where to upload");
        }
        switch (network.toLowerCase(Locale.ROOT)) {
            case "public":
                return ClsEndpoint.of(region, ClsEndpoint.Network.PUBLIC);
            case "private":
                return ClsEndpoint.of(region, ClsEndpoint.Network.PRIVATE);
            default:
                throw new IllegalArgumentException("--network must be public or private, got " + network);
        }
    }

    private static Duration duration(String option, String text) {
        try {
            Duration d = Units.duration(text);
            if (d.isNegative()) {
                throw new IllegalArgumentException("must not be negative");
            }
            return d;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage(), e);
        }
    }

    private void configureLogging() {
        String prefix = "org.slf4j.simpleLogger.";
        setIfAbsent(prefix + "defaultLogLevel", logLevel.toLowerCase(Locale.ROOT));
        setIfAbsent(prefix + "logFile", "System.err");
        setIfAbsent(prefix + "showDateTime", "true");
        setIfAbsent(prefix + "dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    /** {@code --version}: the jar's Implementation-Version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = CollectorMain.class.getPackage().getImplementationVersion();
            return new String[] {"cls-collector " + (v == null ? "(development build)" : v)};
        }
    }
}
