package chat.client.render;

import java.io.PrintStream;
import java.util.concurrent.locks.ReentrantLock;

/** The terminal, shared by the reader and the input threads: one line at a time, never interleaved. */
public final class Screen {

    private final ReentrantLock lock = new ReentrantLock();
    private final PrintStream out; // guarded by lock

    public Screen(PrintStream out) {
        this.out = out;
    }

    /** Prints one whole line. */
    public void print(String line) {
        lock.lock();
        try {
            out.println(line);
            out.flush();
        } finally {
            lock.unlock();
        }
    }

    /** Prints a question without ending the line. */
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
