import com.sass_lang.embedded_protocol.OutputStyle;
import de.larsgrefer.sass.embedded.SassCompiler;
import de.larsgrefer.sass.embedded.SassCompilerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Run by the build (triage-service/pom.xml, process-resources), never shipped: compiles GOV.UK Frontend's Sass, from
 * its webjar, into the console's stylesheet with the council's font (Arial unless the build says otherwise) and
 * without the GDS Transport font or the GOV.UK crest, which its licence keeps for GOV.UK; and copies the components'
 * script beside it. Dart Sass comes bundled in a Maven artifact (de.larsgrefer.sass:sass-embedded-bundled), so the
 * build needs a JDK and Maven's registry only.
 *
 * <p>Arguments: the webjar's version, the output folder (served), the font family (a CSS list, e.g. {@code arial,
 * sans-serif}), a working folder (not served) for the Sass as Dart Sass reads it. A build whose stylesheet is already
 * made with the same version and font does nothing (Dart Sass takes a while to start on a small machine).
 */
public class ConsoleStylesheet {

    public static void main(String[] args) throws Exception {
        String version = args[0];
        Path out = Path.of(args[1]);
        String font = args[2];
        Path work = Path.of(args[3]);
        String dist = "META-INF/resources/webjars/govuk-frontend/" + version + "/dist/govuk/";
        Path sass = work.resolve(version);
        Path stamp = work.resolve("made-with");
        String made = version + "\n" + scss(font);
        if (Files.exists(stamp) && Files.readString(stamp).equals(made)
                && Files.exists(out.resolve("govuk-frontend.min.css")) && Files.exists(out.resolve("govuk-frontend.min.js"))) {
            System.out.println("[console] the stylesheet is up to date: " + out.resolve("govuk-frontend.min.css"));
            return;
        }
        extract(dist, sass);
        Files.createDirectories(out);
        String css = compile(sass, scss(font));
        for (String gone : List.of("GDS Transport", "govuk-crest", "/assets/fonts/")) {
            if (css.contains(gone)) {
                throw new IllegalStateException("the console's stylesheet still names " + gone);
            }
        }
        Files.writeString(out.resolve("govuk-frontend.min.css"), css);
        Files.copy(sass.resolve("govuk-frontend.min.js"), out.resolve("govuk-frontend.min.js"),
                StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(stamp, made);
        System.out.println("[console] GOV.UK Frontend " + version + " compiled from its Sass with the font "
                + font + ": " + css.length() + " characters in " + out.resolve("govuk-frontend.min.css"));
    }

    /**
     * The entry point: the council's font, no @font-face of GDS Transport, no crest (the footer's copyright logo, a
     * class the console never uses, gets no image), the rest of GOV.UK Frontend as it is.
     */
    static String scss(String font) {
        return """
                $govuk-font-family: %s;
                $govuk-include-default-font-face: false;
                $govuk-assets-path: "/assets/";
                @function console-image-url($filename) {
                  @if $filename == "govuk-crest.svg" {
                    @return none;
                  }
                  @return url("/assets/images/#{$filename}");
                }
                $govuk-image-url-function: console-image-url;
                @import "index";
                """.formatted(font);
    }

    static String compile(Path loadPath, String scss) throws Exception {
        try (SassCompiler compiler = SassCompilerFactory.bundled()) {
            compiler.setLoadPaths(List.of(loadPath.toFile()));
            compiler.setQuietDeps(true);
            compiler.setSilent(true);
            return compiler.compileString(scss, com.sass_lang.embedded_protocol.Syntax.SCSS, OutputStyle.COMPRESSED).getCss();
        }
    }

    /** The webjar's dist/govuk folder (Sass and script), from the classpath, as files Dart Sass can load. */
    static void extract(String dist, Path to) throws IOException {
        URL index = ConsoleStylesheet.class.getClassLoader().getResource(dist + "index.scss");
        if (index == null) {
            throw new IllegalStateException(dist + "index.scss is not on the classpath: the govuk-frontend webjar?");
        }
        try (JarFile jar = ((JarURLConnection) index.openConnection()).getJarFile()) {
            for (JarEntry e : Collections.list(jar.entries())) {
                if (e.isDirectory() || !e.getName().startsWith(dist)) {
                    continue;
                }
                Path file = to.resolve(e.getName().substring(dist.length())).normalize();
                if (!file.startsWith(to)) {
                    throw new IllegalStateException("an entry outside the folder: " + e.getName());
                }
                Files.createDirectories(file.getParent());
                try (InputStream in = jar.getInputStream(e)) {
                    Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
