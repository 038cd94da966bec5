package chat.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The web client's and the status page's files, read from this module once at start. */
final class StaticFiles {

    /** Every file served, by path. */
    static final List<String> NAMES = List.of("index.html", "app.js", "irc.js", "style.css", "status.html",
            "status.js", "icon.svg");

    /** A file and its type. */
    record File(String contentType, byte[] bytes) {
    }

    private final Map<String, File> byPath;

    private StaticFiles(Map<String, File> byPath) {
        this.byPath = byPath;
    }

    static StaticFiles load() {
        Map<String, File> files = new HashMap<>();
        for (String name : NAMES) {
            try (InputStream in = StaticFiles.class.getResourceAsStream("static/" + name)) {
                if (in == null) throw new IllegalStateException("missing resource chat/web/static/" + name);
                files.put("/" + name, new File(contentType(name), in.readAllBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new StaticFiles(Map.copyOf(files));
    }

    File get(String path) {
        return byPath.get(path);
    }

    private static String contentType(String name) {
        if (name.endsWith(".html")) return "text/html; charset=utf-8";
        if (name.endsWith(".js")) return "text/javascript; charset=utf-8";
        if (name.endsWith(".css")) return "text/css; charset=utf-8";
        if (name.endsWith(".svg")) return "image/svg+xml";
        return "application/octet-stream";
    }
}
