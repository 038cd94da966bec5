# Every target works on a fresh clone: build.sh fetches the jars (Maven) and finds a JDK >= 21.
ARGS ?=
BENCH_QUICK ?= 0

.PHONY: build test interop client-tmux launchers webtest screenshots run-server run-client image dist clean bench bench-test cluster cluster-down cluster-check conformance

build:
	./build.sh build

test:
	./build.sh test

# irssi (installed with apt-get if missing) and the bundled client talk through a real server.
interop:
	scripts/interop.sh

# The interactive client in tmux: typing while others talk, Tab, /switch, history, reconnecting (#16).
client-tmux:
	scripts/client-tmux.sh

# The launchers exec java (signals reach the JVM); chat.run's cache key and clean-up.
launchers:
	scripts/launchers.sh

# The web client in Debian's Chromium (playwright-core from npm; both installed if missing), with a TCP client.
webtest:
	scripts/webtest.sh

# The same run, writing the README's screenshots of the web client and the status page into docs/.
screenshots:
	WEBTEST_SCREENSHOTS=docs scripts/webtest.sh

run-server:
	bin/chat-server $(ARGS)

run-client:
	bin/chat-client $(ARGS)

image:
	./build.sh image

dist:
	./build.sh dist

# chat against ngircd and inspircd on loopback (installs them from Debian); BENCH_QUICK=1 for a short run.
bench:
	BENCH_QUICK=$(BENCH_QUICK) scripts/bench.sh

bench-test:
	scripts/bench.sh test

# The public conformance suite irctest against chat (IRCTEST_DIR=a checkout of github.com/progval/irctest).
conformance:
	scripts/conformance.sh

# Redis, three chat nodes and HAProxy on 127.0.0.1:12345 (scripts/cluster.sh up 3); cluster-down stops them by PID.
cluster:
	scripts/cluster.sh up 3

cluster-down:
	scripts/cluster.sh down

clean:
	./build.sh clean

# make cluster as a user meets it, on free ports: clients through HAProxy on different nodes, a node killed, down.
cluster-check:
	scripts/cluster-check.sh
