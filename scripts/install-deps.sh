#!/usr/bin/env bash
# Installs the Debian packages listed in scripts/deps.txt that are not installed yet.
# Uses sudo when not root; does nothing (and needs no network) when everything is there. Also generates the
# zh_CN.UTF-8 locale when the system has not got it.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
mapfile -t wanted < <(grep -v -e '^#' -e '^[[:space:]]*$' "$here/deps.txt")
missing=()
for pkg in "${wanted[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
    [[ "$status" == "install ok installed" ]] || missing+=("$pkg")
done
sudo=()
if [[ $(id -u) -ne 0 ]]; then
    sudo=(sudo)
fi
need_root() {
    if ((${#sudo[@]} > 0)) && ! command -v sudo >/dev/null; then
        echo "Not root and no sudo: please $1" >&2
        exit 1
    fi
}
if ((${#missing[@]} > 0)); then
    need_root "install ${missing[*]}"
    echo "Installing: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    "${sudo[@]}" apt-get update -qq
    "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
# Dates and the calendar follow the interface language through the system's locale, and Debian generates none but
# C unless asked. Adding one changes nothing else on the machine.
if ! locale -a 2>/dev/null | grep -qix 'zh_CN\.utf-\?8'; then
    need_root "generate the zh_CN.UTF-8 locale (localedef -i zh_CN -f UTF-8 zh_CN.UTF-8)"
    echo "Generating the zh_CN.UTF-8 locale"
    "${sudo[@]}" localedef -i zh_CN -c -f UTF-8 zh_CN.UTF-8
fi
