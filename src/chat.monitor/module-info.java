/** Live resource monitor: samples the process and the machine with OSHI and reports what a server counts. */
module chat.monitor {
    requires com.github.oshi;
    requires java.management;
    exports chat.monitor;
}
