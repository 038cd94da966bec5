package chat.client.term;

import chat.client.render.Screen;
import chat.client.session.Keyboard;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Lines from a stream: a pipe, a file, or a dumb terminal whose own line discipline does the editing. Used by
 * one thread at a time (the keyboard thread).
 */
public final class PlainKeyboard implements Keyboard {

    private final BufferedReader lines;
    private final boolean console;
    private final Screen screen;

    /** @param console whether {@code in} is this process's terminal, whose echo stty can turn off for passwords */
    public PlainKeyboard(InputStream in, boolean console, Screen screen) {
        this.lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        this.console = console;
        this.screen = screen;
    }

    @Override
    public String readLine() throws IOException {
        return lines.readLine();
    }

    @Override
    public String readSecret(String prompt) throws IOException {
        screen.prompt(prompt);
        boolean hidden = console && stty("-echo");
        try {
            return lines.readLine();
        } finally {
            if (hidden) {
                stty("echo");
                screen.print("");
            }
        }
    }

    /** Runs stty on our terminal; false when that fails (piped input is not hidden: nobody sees it). */
    private static boolean stty(String setting) {
        try {
            Process p = new ProcessBuilder("stty", setting).redirectInput(ProcessBuilder.Redirect.INHERIT)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
