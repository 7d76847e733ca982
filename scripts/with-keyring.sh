#!/usr/bin/env bash
# Runs a command against a real, throwaway Secret Service, for the keychain tests:
#
#   bash scripts/with-keyring.sh <command…>
#   (npm run test:keychain does: bash scripts/with-keyring.sh vitest run --config vitest.keychain.config.ts)
#
# The command runs inside its own D-Bus session (dbus-run-session) with a temporary HOME and
# XDG folders under it, and gnome-keyring-daemon started there with a login keyring unlocked
# by a throwaway, non-empty password (so the keyring file is encrypted, as on a real desktop).
# Your own keyring, home and session bus are never touched; everything is deleted afterwards.
# ROOMCALL_KEYRING_SANDBOX tells the tests they are inside; they refuse to run otherwise.
#
# Needs: dbus (dbus-run-session), gnome-keyring, libsecret (Debian/Ubuntu:
# sudo apt install dbus gnome-keyring libsecret-1-0).
set -euo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: bash scripts/with-keyring.sh <command…>" >&2
  exit 2
fi

if [ -z "${ROOMCALL_KEYRING_INNER:-}" ]; then
  for tool in dbus-run-session gnome-keyring-daemon; do
    if ! command -v "$tool" >/dev/null 2>&1; then
      echo "with-keyring: '$tool' not found. Install dbus and gnome-keyring (Debian/Ubuntu: sudo apt install dbus gnome-keyring libsecret-1-0)." >&2
      exit 127
    fi
  done

  sandbox="$(mktemp -d "${TMPDIR:-/tmp}/roomcall-keyring.XXXXXX")"
  trap 'rm -rf "$sandbox"' EXIT

  # Set before the bus starts: a service the bus starts on demand (D-Bus activation) inherits
  # the bus's environment, and must find this HOME, not the real one.
  export HOME="$sandbox/home"
  export XDG_CONFIG_HOME="$HOME/.config"
  export XDG_DATA_HOME="$HOME/.local/share"
  export XDG_CACHE_HOME="$HOME/.cache"
  export XDG_STATE_HOME="$HOME/.local/state"
  export XDG_RUNTIME_DIR="$sandbox/run"
  mkdir -p -m 0700 "$HOME" "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME" \
    "$XDG_STATE_HOME" "$XDG_RUNTIME_DIR"
  # Nothing from the caller's desktop session: no bus, no keyring, no display for prompts.
  unset DBUS_SESSION_BUS_ADDRESS GNOME_KEYRING_CONTROL SSH_AUTH_SOCK DISPLAY WAYLAND_DISPLAY
  export ROOMCALL_KEYRING_SANDBOX="$sandbox"
  export ROOMCALL_KEYRING_INNER=1

  # No exec: the trap must run to delete the sandbox. dbus-run-session ends the bus when the
  # command exits, and gnome-keyring-daemon exits with its bus.
  status=0
  dbus-run-session -- bash "${BASH_SOURCE[0]}" "$@" || status=$?
  exit "$status"
fi

# Inside the new session bus.
keyring_password="roomcall-throwaway-keyring"
# --unlock reads the password on standard input and creates (or unlocks) the login keyring.
# It may print variables to export (GNOME_KEYRING_CONTROL…); newer versions print nothing.
daemon_env="$(printf '%s' "$keyring_password" | gnome-keyring-daemon --unlock --components=secrets)"
while IFS='=' read -r name value; do
  case "$name" in
    GNOME_KEYRING_CONTROL | SSH_AUTH_SOCK) export "$name=$value" ;;
  esac
done <<<"$daemon_env"

# Wait until the Secret Service answers on the bus (it registers asynchronously).
if command -v dbus-send >/dev/null 2>&1; then
  for _ in $(seq 1 50); do
    if dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
      org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null |
      grep -q 'boolean true'; then
      break
    fi
    sleep 0.1
  done
fi

"$@"
