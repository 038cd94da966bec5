package chat.client.render;

import java.io.PrintStream;
import java.util.concurrent.locks.ReentrantLock;

/** A screen that is a stream of lines (a pipe, a file, a dumb terminal): one line at a time, never interleaved. */
public final class PlainScreen implements Screen {

    private final ReentrantLock lock = new ReentrantLock();
    private final PrintStream out; // guarded by lock

    public PlainScreen(PrintStream out) {
        this.out = out;
    }

    @Override
    public void print(String line) {
        lock.lock();
        try {
            out.println(line);
            out.flush();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void prompt(String question) {
        lock.lock();
        try {
            out.print(question);
            out.flush();
        } finally {
            lock.unlock();
        }
    }
}
