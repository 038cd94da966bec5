#!/usr/bin/env bash
# scripts/conformance.sh — `make conformance`: runs the public IRC conformance suite irctest
# (https://github.com/progval/irctest) against chat, one fresh server per test, through our controller
# scripts/conformance/chat_irctest.py. irctest is not vendored and CI cannot reach GitHub: give a checkout of it
# in IRCTEST_DIR. Needs python3 with pytest 8 or later; irctest's other modules (filelock, ecdsa, websockets) are
# taken from Debian's packages when python3 lacks them. Extra arguments go to pytest (e.g. -k testKick).
#
#   IRCTEST_DIR=~/src/irctest make conformance
#   IRCTEST_MARKERS='...'   pytest -m expression (default: the standard and IRCv3 tests, without those irctest
#                           marks implementation-specific, deprecated or strict)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
IRCTEST_DIR=${IRCTEST_DIR:?set IRCTEST_DIR to a checkout of https://github.com/progval/irctest}
MARKERS=${IRCTEST_MARKERS:-not implementation-specific and not deprecated and not strict}
PYTHON=${PYTHON:-python3}

"$PYTHON" -c 'import pytest, sys; sys.exit(int(pytest.__version__.split(".")[0]) < 8)' 2>/dev/null || {
  echo "conformance: $PYTHON needs pytest 8 or later (irctest's conftest uses hook wrappers)" >&2; exit 2; }
scripts/ensure-packages.sh openssl=openssl
extra=$(mktemp -d)
trap 'rm -rf "$extra"' EXIT
for module in filelock ecdsa websockets; do
  "$PYTHON" -c "import $module" 2>/dev/null && continue
  if [ ! -d "/usr/lib/python3/dist-packages/$module" ]; then
    echo "conformance: installing python3-$module" >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "python3-$module" >/dev/null
  fi
  ln -s "/usr/lib/python3/dist-packages/$module" "$extra/"
  [ "$module" = ecdsa ] && ln -sf /usr/lib/python3/dist-packages/six.py "$extra/"
done

./build.sh build >&2
export CHAT_HOME=$ROOT CHAT_JAVA; CHAT_JAVA=$(./build.sh java)
export PYTHONPATH="$ROOT/scripts/conformance:$extra${PYTHONPATH:+:$PYTHONPATH}"
export TMPDIR=$extra
cd "$IRCTEST_DIR"
"$PYTHON" -m pytest -p no:cacheprovider --controller chat_irctest -m "$MARKERS" -q -rfE --tb=short \
  irctest/server_tests/ "$@"
