#!/usr/bin/env bash
# Unpacks, under DIR (build/arm), what `make test-arm` runs the jar with, installing nothing
# system-wide: Debian trixie's qemu-user (static binaries) and, for arm64 and armhf, trixie's
# openjdk-21-jre-headless with the few libraries it needs.
#
#   tests/arm/fetch-runtimes.sh DIR
#
# Why trixie: bookworm's qemu-user 7.2 fails the first tty ioctl (TCGETS2 gives ENOSYS), 10.x works.
# Downloads (~150 MB: qemu-user carries every CPU) go through apt with private lists, state and
# cache under DIR/apt, into DIR/debs; once they are all there a rerun uses them and stays offline.
# Unpacked roots: DIR/qemu/usr/bin/qemu-{aarch64,arm}, DIR/root-{aarch64,armhf}.
set -euo pipefail

dir=${1:?usage: $0 DIR}
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
debs=$dir/debs
apt=$dir/apt

# What each root needs to run a headless JVM: the JRE, the C and C++ runtimes, zlib.
# (The JRE's other dependencies serve fonts, images, smart cards and PKCS#11: not used here.)
ROOT_PKGS="openjdk-21-jre-headless libc6 libgcc-s1 libstdc++6 zlib1g"
wanted="qemu-user:amd64"
for a in arm64 armhf; do
  for p in $ROOT_PKGS; do wanted+=" $p:$a"; done
done

# ---- download, unless a previous run got all of them -----------------------------------------
stamp=$debs/.complete
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$wanted" ]; then
  mkdir -p "$apt/lists/partial" "$apt/cache/archives/partial" "$apt/state" "$debs"
  : >"$apt/state/status"
  keys=/usr/share/keyrings/debian-archive-trixie-stable.gpg,/usr/share/keyrings/debian-archive-trixie-automatic.gpg
  for k in ${keys//,/ }; do
    [ -f "$k" ] || { echo "test-arm: $k is missing (it comes with debian-archive-keyring 2023.3 or later)" >&2; exit 1; }
  done
  echo "deb [signed-by=$keys] http://deb.debian.org/debian trixie main" >"$apt/sources.list"
  opts=(-o "Dir::State=$apt/state" -o "Dir::State::Lists=$apt/lists" -o "Dir::State::status=$apt/state/status"
        -o "Dir::Cache=$apt/cache" -o "Dir::Etc::SourceList=$apt/sources.list" -o Dir::Etc::SourceParts=/dev/null
        -o Dir::Etc::Preferences=/dev/null -o Dir::Etc::PreferencesParts=/dev/null
        -o APT::Architecture=amd64 -o APT::Architectures::=amd64 -o APT::Architectures::=arm64
        -o APT::Architectures::=armhf -o Acquire::Languages=none -q)
  # as root, apt would hand the download to its _apt user, who cannot write under build/
  [ "$(id -u)" != 0 ] || opts+=(-o APT::Sandbox::User=root)
  echo "test-arm: fetching trixie's package lists (private, under $apt)"
  apt-get "${opts[@]}" update >/dev/null \
    || { echo "test-arm: apt-get update from deb.debian.org trixie failed (offline? a first run needs the network)" >&2; exit 1; }
  echo "test-arm: downloading $wanted"
  rm -f "$debs"/*.deb
  (cd "$debs" && apt-get "${opts[@]}" download $wanted >/dev/null) \
    || { echo "test-arm: apt-get download failed for: $wanted" >&2; exit 1; }
  echo "$wanted" >"$stamp"
  rm -rf "$apt" # the lists (~60 MB) serve only this download
fi

# ---- unpack into a fresh directory, moved in place when complete (a root is never half done) ---
unpack() { # unpack ROOT DEB...
  local root=$1; shift
  [ -f "$root/.debs" ] && [ "$(cat "$root/.debs")" = "$(basename -a "$@")" ] && return 0
  rm -rf "$root.tmp" && mkdir -p "$root.tmp"
  for d in "$@"; do dpkg-deb -x "$d" "$root.tmp"; done
  basename -a "$@" >"$root.tmp/.debs"
  rm -rf "$root" && mv -T "$root.tmp" "$root"
}
# of qemu-user's ~450 MB only the two emulators used
qemu_deb=$(echo "$debs"/qemu-user_*_amd64.deb)
if [ ! -f "$dir/qemu/.debs" ] || [ "$(cat "$dir/qemu/.debs")" != "$(basename "$qemu_deb")" ]; then
  rm -rf "$dir/qemu" && mkdir -p "$dir/qemu"
  dpkg-deb --fsys-tarfile "$qemu_deb" | tar -x -C "$dir/qemu" ./usr/bin/qemu-aarch64 ./usr/bin/qemu-arm
  basename "$qemu_deb" >"$dir/qemu/.debs"
fi
for a in arm64:aarch64 armhf:armhf; do
  deb_arch=${a%%:*} cpu=${a##*:} root=$dir/root-${a##*:}
  unpack "$root" "$debs"/*_"$deb_arch".deb
  # trixie is merged-/usr: the ELF interpreter /lib/ld-linux-*.so is under usr/lib; base-files
  # (not unpacked) would make the link
  ln -sfn usr/lib "$root/lib"
  # The JDK links its conf files to /etc/java-21-openjdk absolutely; qemu -L redirects the JVM's
  # own opens, but the host kernel follows a symlink's target on the host: make them relative.
  find "$root" -type l -lname '/*' -print0 | while IFS= read -r -d '' link; do
    ln -sfn "$(realpath -m --relative-to="$(dirname "$link")" "$root$(readlink "$link")")" "$link"
  done
  java=$(echo "$root"/usr/lib/jvm/java-21-openjdk-"$deb_arch"/bin/java)
  [ -x "$java" ] || { echo "test-arm: no $java after unpacking" >&2; exit 1; }
  echo "test-arm: $cpu root ready: $java"
done
for q in qemu-aarch64 qemu-arm; do
  [ -x "$dir/qemu/usr/bin/$q" ] || { echo "test-arm: $dir/qemu/usr/bin/$q missing from qemu-user" >&2; exit 1; }
done
