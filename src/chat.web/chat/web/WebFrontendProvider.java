package chat.web;

import chat.server.WebSettings;
import chat.server.spi.Frontend;
import chat.server.spi.FrontendContext;
import chat.server.spi.FrontendProvider;
import java.io.IOException;

/** Starts the HTTP listener unless both its ports are turned off. */
public final class WebFrontendProvider implements FrontendProvider {

    @Override
    public Frontend start(FrontendContext server) throws IOException {
        WebSettings settings = server.config().web();
        if (settings.httpPort() < 0 && settings.httpsPort() < 0) return null;
        return WebServer.start(server, settings);
    }
}
