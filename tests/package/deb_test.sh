#!/usr/bin/env bash
# Builds the Debian package from this build tree with CPack, installs it on this machine, starts the installed
# `counter --version` and `backoffice --help`, checks the forms, catalogs, desktop entry and icon are where the
# programs look, and removes the package again (also when a check fails). Installing needs root (CI runs as root);
# otherwise the test is skipped (exit 77). A `counter` package installed by someone else is left alone (skipped).
# Usage: deb_test.sh BUILD_DIR VERSION
set -euo pipefail
build=$1
version=$2
if [[ $(id -u) -ne 0 ]]; then
    echo "skipped: installing a package needs root"
    exit 77
fi
if dpkg-query -W -f '${Status}' counter 2>/dev/null | grep -q "install ok installed"; then
    echo "skipped: a counter package is installed already; not replacing it"
    exit 77
fi
out=$(mktemp -d)
trap 'dpkg --purge counter >/dev/null 2>&1 || true; rm -rf "$out"' EXIT
cpack -G DEB --config "$build/CPackConfig.cmake" -B "$out" >"$out/cpack.log" 2>&1 || { cat "$out/cpack.log"; exit 1; }
deb=$(ls "$out"/counter_*.deb)
echo "built $(basename "$deb")"

# Its dependencies are declared: the toolkit's and the database's libraries (read from the binaries) and the fonts.
depends=$(dpkg-deb -f "$deb" Depends)
for needed in libwxgtk3.2 libsoci-sqlite3 libcurl4 fonts-noto-cjk; do
    grep -q "$needed" <<<"$depends" || { echo "Depends lacks $needed: $depends"; exit 1; }
done

dpkg -i "$deb"
[[ $(dpkg-query -W -f '${Status}' counter) == "install ok installed" ]]

# The installed programs start and answer.
got=$(/usr/bin/counter --version)
[[ $got == "counter $version" ]] || { echo "counter --version said: $got"; exit 1; }
help=$(/usr/bin/backoffice --help)
for flag in --listen --db --data-dir --demo-data; do
    grep -q -- "$flag" <<<"$help" || { echo "backoffice --help lacks $flag"; exit 1; }
done
/usr/bin/counterctl --help >/dev/null

# What the programs load at run time, where they look for it (next to bin/, under share/).
for file in /usr/share/counter/forms/acceptance.xml /usr/share/counter/forms/receipt.xml \
    /usr/share/counter/forms/images/logo.png /usr/share/locale/zh_CN/LC_MESSAGES/counter.mo \
    /usr/share/locale/en/LC_MESSAGES/counter.mo /usr/share/applications/counter.desktop \
    /usr/share/icons/hicolor/scalable/apps/counter.svg; do
    [[ -f $file ]] || { echo "not installed: $file"; exit 1; }
done
grep -q '^Exec=counter' /usr/share/applications/counter.desktop

dpkg --purge counter
[[ ! -e /usr/bin/counter ]] || { echo "purging left /usr/bin/counter behind"; exit 1; }
echo "package installs, starts and uninstalls"
