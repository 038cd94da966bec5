# Every target works on a fresh clone: build.sh fetches the jars (Maven) and finds a JDK >= 21.
ARGS ?=

.PHONY: build test interop run-server run-client image dist clean

build:
	./build.sh build

test:
	./build.sh test

# irssi (installed with apt-get if missing) and the bundled client talk through a real server.
interop:
	scripts/interop.sh

run-server:
	bin/chat-server $(ARGS)

run-client:
	bin/chat-client $(ARGS)

image:
	./build.sh image

dist:
	./build.sh dist

clean:
	./build.sh clean
