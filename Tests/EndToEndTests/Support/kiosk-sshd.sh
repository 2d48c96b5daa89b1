#!/usr/bin/env bash
# A throwaway ssh kiosk for the end-to-end test: Debian's sshd on
# 127.0.0.1 with a generated host key, a fresh test user with a key, and
# `ForceCommand broadsheet --kiosk` for that user. Needs root.
#
#   kiosk-sshd.sh start DIR BINARY EDITIONS_DIR [--library-argument] [--stall SECONDS]
#                                                 prints "PORT USER" when sshd listens
#     --library-argument  the library is named on the forced command line
#                         (`broadsheet --kiosk DIR/library`), in no config or variable
#     --stall SECONDS     how long the reader waits for a terminal that takes nothing
#   kiosk-sshd.sh stop DIR                        kills sshd and the user's processes, deletes the user
#
# DIR must not exist yet; everything lives in it (keys, config, log, binary copy,
# library, the user's home). The user is new for every run (bskiosk-XXXXXX), so
# parallel runs and earlier failures cannot leak state into this one.
set -euo pipefail

die() { echo "kiosk-sshd: $*" >&2; exit 1; }

start() {
  local dir=$1 binary=$2 editions=$3
  shift 3
  local by_argument=no stall=60
  while [[ $# -gt 0 ]]; do
    case $1 in
      --library-argument) by_argument=yes; shift ;;
      --stall) stall=$2; shift 2 ;;
      *) die "unknown option $1" ;;
    esac
  done
  [[ $(id -u) == 0 ]] || die "must run as root (CI does) to start sshd and add a user"
  [[ -x /usr/sbin/sshd ]] || die "/usr/sbin/sshd is missing: install Debian's openssh-server (.ci/run does)"
  command -v ssh-keygen >/dev/null || die "ssh-keygen is missing: install openssh-client"
  command -v useradd >/dev/null || die "useradd is missing"
  [[ -x $binary ]] || die "no broadsheet binary at $binary (run swift build)"
  mkdir -m 755 "$dir"
  # sshd's privilege-separation directory.
  mkdir -p -m 755 /run/sshd

  local user="bskiosk-$(head -c 3 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  echo "$user" > "$dir/user"
  mkdir -m 755 "$dir/home" "$dir/bin" "$dir/library" "$dir/keys"
  useradd --no-create-home --home-dir "$dir/home" --shell /bin/sh --user-group "$user"
  # "*" instead of useradd's "!": sshd without PAM refuses "!"-locked accounts.
  usermod -p '*' "$user"
  chown "$user:" "$dir/home"

  # Readable by the user wherever the build tree is (CI may build under /root).
  cp "$binary" "$dir/bin/broadsheet"
  chmod 755 "$dir/bin/broadsheet"
  cp "$editions"/*.md "$dir/library/"
  chmod 644 "$dir/library/"*.md
  local force="$dir/bin/broadsheet --kiosk" env_library="BROADSHEET_LIBRARY=$dir/library"
  if [[ $by_argument == yes ]]; then
    force="$dir/bin/broadsheet --kiosk $dir/library"
    env_library=""
    echo '{ "kiosk": { "enabled": true } }' > "$dir/config.json"
  else
    cat > "$dir/config.json" <<JSON
{ "library": "$dir/library", "kiosk": { "enabled": true } }
JSON
  fi
  chmod 644 "$dir/config.json"

  ssh-keygen -q -t ed25519 -N '' -C kiosk-host -f "$dir/keys/host" 
  ssh-keygen -q -t ed25519 -N '' -C kiosk-client -f "$dir/keys/client"
  cp "$dir/keys/client.pub" "$dir/keys/authorized_keys"
  chmod 644 "$dir/keys/authorized_keys"

  local port
  for _ in $(seq 50); do
    port=$(( 20000 + RANDOM % 40000 ))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || break
  done
  echo "$port" > "$dir/port"

  cat > "$dir/sshd_config" <<CONF
Port $port
ListenAddress 127.0.0.1
HostKey $dir/keys/host
PidFile $dir/sshd.pid
# The key files live in a temporary directory under /tmp (mode 1777), which
# StrictModes would refuse; a real deployment keeps them in ~/.ssh or /etc.
StrictModes no
AuthorizedKeysFile $dir/keys/authorized_keys
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
PermitRootLogin no
AllowUsers $user
LogLevel VERBOSE
# As in Debian's default config: ForceCommand must win over it.
Subsystem sftp /usr/lib/openssh/sftp-server

Match User $user
    ForceCommand $force
    PermitTTY yes
    DisableForwarding yes
    PermitTunnel no
    SetEnv LANG=C.UTF-8 $env_library BROADSHEET_SYSTEM_CONFIG=$dir/config.json BROADSHEET_STALL_SECONDS=$stall
CONF
  /usr/sbin/sshd -t -f "$dir/sshd_config" || die "sshd rejects the generated config"
  /usr/sbin/sshd -D -e -f "$dir/sshd_config" >"$dir/sshd.log" 2>&1 &
  echo $! > "$dir/sshd.pid.launch"
  for _ in $(seq 100); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port $user"
      return 0
    fi
    kill -0 "$(cat "$dir/sshd.pid.launch")" 2>/dev/null || die "sshd exited: $(tail -5 "$dir/sshd.log")"
    sleep 0.1
  done
  die "sshd did not listen on 127.0.0.1:$port within 10 s: $(tail -5 "$dir/sshd.log")"
}

stop() {
  local dir=$1
  [[ -d $dir ]] || return 0
  if [[ -f $dir/sshd.pid.launch ]]; then
    kill "$(cat "$dir/sshd.pid.launch")" 2>/dev/null || true
  fi
  if [[ -f $dir/user ]]; then
    local user; user=$(cat "$dir/user")
    if id "$user" >/dev/null 2>&1; then
      # Only this run's user: every process it has was started through this sshd.
      for pid in $(pgrep -u "$user" 2>/dev/null); do kill -KILL "$pid" 2>/dev/null || true; done
      for _ in $(seq 20); do pgrep -u "$user" >/dev/null || break; sleep 0.1; done
      userdel "$user" 2>/dev/null || true
    fi
  fi
  rm -rf "$dir"
}

case ${1:-} in
  start) shift; [[ $# -ge 3 ]] || die "usage: start DIR BINARY EDITIONS_DIR [options]"; start "$@" ;;
  stop) shift; [[ $# == 1 ]] || die "usage: stop DIR"; stop "$1" ;;
  *) die "usage: kiosk-sshd.sh start DIR BINARY EDITIONS_DIR | stop DIR" ;;
esac
