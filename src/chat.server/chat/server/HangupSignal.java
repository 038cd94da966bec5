package chat.server;

import java.lang.reflect.Proxy;

/**
 * SIGHUP handling through {@code sun.misc.Signal} (module jdk.unsupported): the JDK has no supported API for
 * signals. Reached by reflection because javac's warning for that class cannot be suppressed under -Werror.
 */
final class HangupSignal {

    private HangupSignal() {
    }

    /** Runs {@code action} on every SIGHUP; does nothing where the signal is not available. */
    static void onHangup(Runnable action) {
        try {
            Class<?> signalClass = Class.forName("sun.misc.Signal");
            Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
            Object hup = signalClass.getConstructor(String.class).newInstance("HUP");
            Object handler = Proxy.newProxyInstance(handlerClass.getClassLoader(), new Class<?>[] {handlerClass},
                    (proxy, method, args) -> {
                        if (method.getName().equals("handle")) action.run();
                        return null;
                    });
            signalClass.getMethod("handle", signalClass, handlerClass).invoke(null, hup, handler);
        } catch (ReflectiveOperationException | IllegalArgumentException e) {
            System.getLogger("chat.server").log(System.Logger.Level.DEBUG, "SIGHUP handling is not available: " + e);
        }
    }
}
