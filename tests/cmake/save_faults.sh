#!/usr/bin/env bash
# save_faults.sh PROGRAM WORKDIR CASE: `PROGRAM --network F --save-network F`
# (chapter 6 reads a network and saves the next one over it) under a fault.
# Each fault must give exit status 2, one line on stderr matching what went
# wrong, and leave F exactly as it was. Exit 77: the fault cannot be made here.
#   size_limit  a file-size limit of 0 blocks (ulimit -f 0)
#   full_disk   a 64 KiB tmpfs filled to the last block (needs unshare -m and mount)
#   read_only   a folder without write permission (as nobody when run as root)
#   dev_full    --save-network /dev/full, a device that is always full
set -uo pipefail
program=$1 work=$2 case=$3
network='{"cost":"sse","layers":[{"W":[[0.1,0.2,0.3],[0.4,0.5,0.6]],"activation":"sigmoid"},{"W":[[0.7],[0.8],[0.9]],"activation":"sigmoid"}]}'
rm -rf "$work" && mkdir -p "$work" && cd "$work" || exit 1

# expect RC REGEX FILE: the last command's status, stderr and the file's fate.
expect() {
  local regex=$1 file=$2
  if [ "$rc" -ne 2 ]; then echo "exit status $rc, expected 2; stderr: $(cat err)"; exit 1; fi
  if [ "$(wc -l < err)" -ne 1 ]; then echo "expected one line on stderr, got:"; cat err; exit 1; fi
  if ! grep -Eq -e "$regex" err; then echo "stderr does not match '$regex':"; cat err; exit 1; fi
  if [ -n "$file" ] && [ "$(cat "$file")" != "$network" ]; then
    echo "$file was changed: now $(wc -c < "$file") bytes"; exit 1
  fi
  echo "ok: $(cat err)"
}

case $case in
  size_limit)
    echo "$network" > net.json
    # stderr through a pipe: a file would be cut off by the limit too
    (ulimit -f 0; exec "$program" --network net.json --save-network net.json) 2>&1 > /dev/null | cat > err
    rc=${PIPESTATUS[0]}
    expect "cannot write the network: cannot write 'net.json': File too large; .*ulimit -f.*'net.json' is unchanged" net.json ;;
  full_disk)
    unshare -m true 2> /dev/null || { echo "skipped: unshare -m is not allowed here"; exit 77; }
    mkdir disk
    unshare -m bash -c '
      mount -t tmpfs -o size=64k tmpfs disk || exit 77
      echo "$2" > disk/net.json
      dd if=/dev/zero of=disk/filler bs=4k 2> /dev/null
      "$1" --network disk/net.json --save-network disk/net.json > /dev/null 2> err
      rc=$?
      cp disk/net.json after.json
      exit $rc' _ "$program" "$network"
    rc=$?
    [ "$rc" -eq 77 ] && { echo "skipped: cannot mount a tmpfs here"; exit 77; }
    expect "cannot write 'disk/net.json': No space left on device; the disk is full.*'disk/net.json' is unchanged" after.json ;;
  read_only)
    mkdir folder && echo "$network" > folder/net.json && chmod 666 folder/net.json && chmod 555 folder
    chmod 755 . 
    as_user=()
    [ "$(id -u)" -eq 0 ] && as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups)
    "${as_user[@]}" "$program" --network folder/net.json --save-network folder/net.json > /dev/null 2> err
    rc=$?
    chmod 755 folder
    expect "cannot write 'folder/net.json': Permission denied; the folder 'folder' is not writable.*'folder/net.json' is unchanged" folder/net.json ;;
  dev_full)
    "$program" --save-network /dev/full > /dev/null 2> err
    rc=$?
    expect "cannot write '/dev/full': No space left on device" "" ;;
  *) echo "unknown case $case"; exit 1 ;;
esac
