#!/usr/bin/env bash
# Sourced by the install-*-deps.sh scripts: `apt_install PACKAGE...` installs Debian packages
# (as root, or through `sudo -n` in "$SUDO"), waiting for any other apt run (unattended
# upgrades, a second checkout's `make test`) that holds apt's locks, up to 10 minutes, instead
# of failing the whole run. DPkg::Lock::Timeout covers the install; `apt-get update` ignores it
# for the lists lock in apt 2.6, so that step is retried.
apt_install() {
  local tries=60 err
  err=$(mktemp)
  export DEBIAN_FRONTEND=noninteractive
  until ${SUDO:-} apt-get -qq update 2>"$err"; do
    if grep -q "Could not get lock" "$err" && [ "$tries" -gt 0 ]; then
      tries=$((tries - 1))
      sleep 10
    else
      cat "$err" >&2
      rm -f "$err"
      return 1
    fi
  done
  rm -f "$err"
  ${SUDO:-} apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "$@" \
    >/dev/null
}
