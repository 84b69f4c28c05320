package io.clssdk.examples.readme;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clssdk.core.api.CollectionConfig;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code java} snippet of the README compiles as shown, with Java 8's API ({@code --release 8}: no
 * {@code List.of}): a snippet that declares a class at its top level is a compilation unit as it stands; any other
 * has its {@code import} lines put first and the rest made the body of a method that may throw. A snippet must
 * declare what it uses; it gets nothing else. Every {@code json} snippet with a {@code LogType} is a collection config
 * that {@code CollectionConfig.fromJson} accepts. The README is the one at the repository's root.
 */
class ReadmeSnippetsTest {
    private static final Path README = Paths.get("..", "README.md");

    @TempDir
    Path out;

    @Test
    void everyJavaSnippetCompilesAgainstJava8() throws IOException {
        List<String> snippets = snippets(new String(Files.readAllBytes(README), StandardCharsets.UTF_8));
        assertTrue(snippets.size() >= 10, "found " + snippets.size() + " java snippets in " + README.toAbsolutePath());
        List<JavaFileObject> units = new ArrayList<>();
        for (int i = 0; i < snippets.size(); i++) {
            units.add(unit("Snippet" + (i + 1), snippets.get(i)));
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter messages = new StringWriter();
        List<String> options = Arrays.asList(
                "--release",
                "8",
                "-proc:none",
                "-Xlint:none",
                "-d",
                out.toString(),
                "-classpath",
                System.getProperty("java.class.path"));
        boolean ok = javac.getTask(messages, null, null, options, null, units).call();
        assertTrue(ok, "README snippets do not compile (SnippetN = the N-th ```java block):\n" + messages);
    }

    @Test
    void everyCollectionConfigJsonSnippetParses() throws IOException {
        int configs = 0;
        for (String json : snippets(new String(Files.readAllBytes(README), StandardCharsets.UTF_8), "json")) {
            // a collector file ("Configs": [...]) is checked by the collector's own CollectorFileTest
            if (json.contains("\"LogType\"") && !json.contains("\"Configs\"")) {
                CollectionConfig config = CollectionConfig.fromJson(json);
                assertTrue(config.path() != null && config.logType() != null, json);
                configs++;
            }
        }
        assertTrue(configs >= 1, "the README shows a collection config");
    }

    static List<String> snippets(String markdown) {
        return snippets(markdown, "java");
    }

    /** The bodies of the README's ```language blocks, in order. */
    static List<String> snippets(String markdown, String language) {
        List<String> snippets = new ArrayList<>();
        StringBuilder current = null;
        for (String line : markdown.split("\n", -1)) {
            if (current == null && line.trim().equals("```" + language)) {
                current = new StringBuilder();
            } else if (current != null && line.trim().equals("```")) {
                snippets.add(current.toString());
                current = null;
            } else if (current != null) {
                current.append(line).append('\n');
            }
        }
        assertFalse(current != null, "an unterminated ```java block");
        return snippets;
    }

    private static JavaFileObject unit(String name, String snippet) {
        StringBuilder imports = new StringBuilder();
        StringBuilder body = new StringBuilder();
        boolean declaresClass = false;
        for (String line : snippet.split("\n", -1)) {
            declaresClass |= line.startsWith("class ") || line.startsWith("final class ");
            (line.startsWith("import ") ? imports : body).append(line).append('\n');
        }
        String source = declaresClass
                ? snippet
                : imports + "public class " + name + " {\n  void run() throws Exception {\n" + body + "  }\n}\n";
        return new SimpleJavaFileObject(URI.create("string:///" + name + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
    }
}
