#!/usr/bin/env bash
# Holds every committed page to what its notebook computes: runs each notebook under Notebooks/
# into a temporary folder, once on every kernel path this machine has (NNBOOK_KERNEL), and
# compares the page and its pictures byte for byte with the committed ones. The work tree is
# never written; the temporary folder is removed on exit.
#
#   bash scripts/check-pages.sh              build nnbook (release) and check every notebook
#   bash scripts/check-pages.sh --write      write the pages that differ (the first path's)
#   NNBOOK=path/to/nnbook bash scripts/check-pages.sh   use an nnbook already built
set -euo pipefail
cd "$(dirname "$0")/.."
write=false
[ "${1:-}" = "--write" ] && write=true

if [ -z "${NNBOOK:-}" ]; then
  # Release: the neural-network notebook trains for minutes in a debug build.
  swift build -c release --product nnbook >&2
  swift build -c release --product nnbook-plugin-blobs >&2
  NNBOOK="$(swift build -c release --show-bin-path)/nnbook"
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

read -r -a kernels <<< "$("$NNBOOK" --version | sed -n 's/^kernels available: //p' | tr -d ,)"
[ "${#kernels[@]}" -gt 0 ] || kernels=(default)

stale=()
for kernel in "${kernels[@]}"; do
  out="$work/$kernel"
  mkdir -p "$out"
  for notebook in Notebooks/*.nnbook; do
    name="$(basename "$notebook" .nnbook)"
    if [ "$kernel" = default ]; then unset NNBOOK_KERNEL; else export NNBOOK_KERNEL="$kernel"; fi
    if ! "$NNBOOK" run "$notebook" --out "$out" --quiet --no-snapshot --allow-plugin stats --allow-plugin blobs; then
      echo "check-pages: $notebook failed to run (kernel $kernel)" >&2
      exit 1
    fi
    same=true
    cmp -s "Notebooks/$name.md" "$out/$name.md" || same=false
    if [ -d "Notebooks/$name.assets" ] || [ -d "$out/$name.assets" ]; then
      diff -r -q "Notebooks/$name.assets" "$out/$name.assets" >/dev/null 2>&1 || same=false
    fi
    if [ "$same" = false ] && [ "$write" = true ] && [ "$kernel" = "${kernels[0]}" ]; then
      rm -rf "Notebooks/$name.assets"
      cp "$out/$name.md" "Notebooks/$name.md"
      [ ! -d "$out/$name.assets" ] || cp -r "$out/$name.assets" "Notebooks/$name.assets"
      echo "check-pages: wrote Notebooks/$name.md" >&2
    elif [ "$same" = false ]; then
      stale+=("Notebooks/$name.md (kernel $kernel)")
      diff -r -u "Notebooks/$name.md" "$out/$name.md" | head -20 >&2 || true
    fi
  done
done
unset NNBOOK_KERNEL

if [ "${#stale[@]}" -gt 0 ]; then
  echo "check-pages: these pages differ from what their notebooks compute:" >&2
  printf '  %s\n' "${stale[@]}" >&2
  echo "regenerate them with: bash scripts/check-pages.sh --write" >&2
  exit 1
fi
echo "check-pages: ${#kernels[@]} kernel path(s) × $(ls Notebooks/*.nnbook | wc -l) notebooks, every page and picture as committed"
