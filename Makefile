# Every target works on a fresh clone: build.sh fetches the jars (Maven) and finds a JDK >= 21.
ARGS ?=

.PHONY: build test run-server run-client image dist clean

build:
	./build.sh build

test:
	./build.sh test

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
